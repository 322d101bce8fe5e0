// The live side of chat: a channel's timeline kept complete by seq across
// reconnects, one thread, typing, read position, and the tab-wide unread count.
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChannelListItem, MessageDto, MessagePage } from "../domain/chat/types";
import type { ClientToServerEvents } from "../server/socket/protocol";
import type { LiveSocket } from "./live-channel";
import { getOutbox } from "./use-chat-outbox";
import { installIdleTracker } from "./use-chat-presence";
import { PAGE_SIZE, advanceSeq, belongsTo, emptyTimeline, mergeBySeq, withLive, withNewerPage, withOlderPage, type Timeline } from "./use-chat-store";
import { getSocket } from "./use-socket";

const SYNC_LIMIT = 200;
const TYPING_SHOWN_MS = 6_000;
const TYPING_SEND_EVERY_MS = 3_000;

/** A chat JSON endpoint of this app; refusals come back as { code }. */
export async function chatApi<T>(path: string, params: Record<string, string | number | undefined>): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const res = await fetch(`${path}?${qs.toString()}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!res.ok) throw new Error(`chat_api_${res.status}`);
  return (await res.json()) as T;
}

type Listener = (messages: MessageDto[]) => void;

/**
 * Every message of one channel this tab hears (live, synced or confirmed), for
 * whoever shows a part of it: the timeline of roots and the open thread.
 */
class ChannelFeed {
  private listeners = new Set<Listener>();
  on(fn: Listener) {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  }
  emit(messages: MessageDto[]) {
    if (messages.length) for (const fn of this.listeners) fn(messages);
  }
}

/**
 * Follows a channel: joins its room on every (re)connect, syncs everything after the
 * last seq it has (so nothing is missed and, merged by seq, nothing is doubled), and
 * hands what arrives to the feed. Returns the feed and the seq known complete.
 */
function useChannelFollow(channelId: string, initialSeq: number, onRevoked: () => void) {
  const feedRef = useRef(new ChannelFeed());
  const synced = useRef(initialSeq);
  const [lastSeq, setLastSeq] = useState(initialSeq);
  const revokedRef = useRef(onRevoked);
  revokedRef.current = onRevoked;

  useEffect(() => {
    const socket = getSocket();
    if (!socket) return;
    const feed = feedRef.current;
    let disposed = false;
    let syncing = false;
    let again = false;

    const sync = () => {
      if (syncing) return void (again = true);
      syncing = true;
      const step = () => {
        socket.timeout(15_000).emit("chat:sync", { channelId, afterSeq: synced.current, limit: SYNC_LIMIT }, (err, res) => {
          if (disposed) return;
          if (err || !res?.ok || !res.data) {
            syncing = false;
            return;
          }
          const { messages, more } = res.data;
          feed.emit(messages);
          const top = messages.length ? messages[messages.length - 1]!.seq : res.data.lastSeq;
          if (top > synced.current) synced.current = more ? top : Math.max(top, res.data.lastSeq);
          setLastSeq(synced.current);
          if (more) return step();
          syncing = false;
          if (again) {
            again = false;
            sync();
          }
        });
      };
      step();
    };

    const join = () => {
      socket.timeout(15_000).emit("chat:join", { channelId }, (err, res) => {
        if (disposed || err || !res) return;
        if (!res.ok) {
          if (res.code === "not_found" || res.code === "forbidden") revokedRef.current();
          return;
        }
        if ((res.data?.lastSeq ?? 0) > synced.current) sync();
      });
    };
    const onMessage = (m: MessageDto) => {
      if (m.channelId !== channelId) return;
      const step = advanceSeq(synced.current, m.seq);
      synced.current = step.synced;
      setLastSeq(step.synced);
      feed.emit([m]);
      // our own message confirmed by broadcast before its ack (or on another tab)
      getOutbox()?.settle(m.idempotencyKey);
      if (step.gap) sync();
    };
    // one event may carry several messages that committed together, in seq order
    const onMessages = (...ms: MessageDto[]) => {
      for (const m of ms) onMessage(m);
    };
    const onUpdated = (m: MessageDto) => {
      if (m.channelId === channelId) feed.emit([m]);
    };
    const onRevoked = (p: { channelId: string }) => {
      if (p.channelId === channelId) revokedRef.current();
    };
    const offDelivered = getOutbox()?.onDelivered((m) => {
      if (m.channelId === channelId) onMessage(m);
    });

    socket.on("connect", join);
    socket.on("chat:message", onMessages);
    socket.on("chat:message_updated", onUpdated);
    socket.on("chat:access_revoked", onRevoked);
    if (socket.connected) join();
    return () => {
      disposed = true;
      offDelivered?.();
      socket.off("connect", join);
      socket.off("chat:message", onMessages);
      socket.off("chat:message_updated", onUpdated);
      socket.off("chat:access_revoked", onRevoked);
      // the room is not left: chat:watch keeps the socket in every readable channel's
      // room, and the sidebar's unread counts need this one's messages too
    };
  }, [channelId]);

  return { feed: feedRef.current, synced, lastSeq };
}

export interface ChannelTimeline {
  timeline: Timeline;
  feed: ChannelFeed;
  /** The highest seq known complete: what "read up to here" means. */
  lastSeq: number;
  loadingOlder: boolean;
  loadingNewer: boolean;
  loadOlder(): Promise<void>;
  loadNewer(): Promise<void>;
  jumpToLatest(): Promise<void>;
  revoked: boolean;
}

/** The channel's root messages, windowed (see use-chat-store.ts), live. */
export function useChannelTimeline(channelId: string, initial: MessagePage, initialSeq: number): ChannelTimeline {
  const [timeline, setTimeline] = useState<Timeline>(() => ({ ...emptyTimeline, ...initial }));
  const [revoked, setRevoked] = useState(false);
  const { feed, lastSeq } = useChannelFollow(channelId, initialSeq, () => setRevoked(true));
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [loadingNewer, setLoadingNewer] = useState(false);
  const busy = useRef(false);
  const latest = useRef(timeline);
  latest.current = timeline;

  useEffect(
    () =>
      feed.on((messages) => {
        const roots = messages.filter((m) => belongsTo(m, channelId, null));
        if (roots.length) setTimeline((t) => withLive(t, roots));
      }),
    [feed, channelId],
  );

  const loadOlder = useCallback(async () => {
    const t = latest.current;
    if (busy.current || !t.hasOlder || !t.messages.length) return;
    busy.current = true;
    setLoadingOlder(true);
    try {
      const page = await chatApi<MessagePage>("/api/chat/messages", { channelId, before: t.messages[0]!.seq, limit: PAGE_SIZE });
      setTimeline((cur) => withOlderPage(cur, page));
    } catch {
      // the button stays: the reader can try again
    } finally {
      busy.current = false;
      setLoadingOlder(false);
    }
  }, [channelId]);

  const loadNewer = useCallback(async () => {
    const t = latest.current;
    if (busy.current || !t.hasNewer || !t.messages.length) return;
    busy.current = true;
    setLoadingNewer(true);
    try {
      const page = await chatApi<MessagePage>("/api/chat/messages", { channelId, after: t.messages[t.messages.length - 1]!.seq, limit: PAGE_SIZE });
      setTimeline((cur) => withNewerPage(cur, page));
    } catch {
      // idem
    } finally {
      busy.current = false;
      setLoadingNewer(false);
    }
  }, [channelId]);

  const jumpToLatest = useCallback(async () => {
    busy.current = true;
    setLoadingNewer(true);
    try {
      const page = await chatApi<MessagePage>("/api/chat/messages", { channelId, limit: PAGE_SIZE });
      setTimeline({ messages: page.messages, hasOlder: page.hasOlder, hasNewer: false });
    } catch {
      // idem
    } finally {
      busy.current = false;
      setLoadingNewer(false);
    }
  }, [channelId]);

  return { timeline, feed, lastSeq, loadingOlder, loadingNewer, loadOlder, loadNewer, jumpToLatest, revoked };
}

export interface ThreadState {
  /** What the URL asked for (a root, or a reply inside the thread). */
  requested: string | null;
  /** The thread's root, once known. */
  rootId: string | null;
  messages: MessageDto[];
  loading: boolean;
  missing: boolean;
}

/** One thread: the root and its replies, fed by the channel's feed. */
export function useThread(channelId: string, requested: string | null, feed: ChannelFeed, initial: { rootId: string; messages: MessageDto[] } | null): ThreadState {
  const [state, setState] = useState<ThreadState>(() => ({
    requested,
    rootId: initial?.rootId ?? null,
    messages: initial?.messages ?? [],
    loading: !!requested && !initial,
    missing: false,
  }));

  useEffect(() => {
    if (!requested) return void setState({ requested: null, rootId: null, messages: [], loading: false, missing: false });
    let cancelled = false;
    setState((s) => (s.requested === requested && s.messages.length ? s : { requested, rootId: null, messages: [], loading: true, missing: false }));
    (async () => {
      try {
        const page = await chatApi<{ rootId: string; messages: MessageDto[] }>("/api/chat/thread", { channelId, rootId: requested });
        if (!cancelled) setState({ requested, rootId: page.rootId, messages: page.messages, loading: false, missing: false });
      } catch {
        if (!cancelled) setState({ requested, rootId: null, messages: [], loading: false, missing: true });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [channelId, requested]);

  const rootId = state.rootId;
  useEffect(() => {
    if (!rootId) return;
    return feed.on((messages) => {
      const mine = messages.filter((m) => belongsTo(m, channelId, rootId));
      if (mine.length) setState((s) => (s.rootId === rootId ? { ...s, messages: mergeBySeq(s.messages, mine) } : s));
    });
  }, [feed, channelId, rootId]);

  return state;
}

/** Who is typing in this channel now (names, expiring), and a function to say "I am". */
export function useTyping(channelId: string, meId: string) {
  const [typing, setTyping] = useState<{ userId: string; userName: string; until: number }[]>([]);
  useEffect(() => {
    const socket = getSocket();
    if (!socket) return;
    const onTyping = (p: { channelId: string; userId: string; userName: string }) => {
      if (p.channelId !== channelId || p.userId === meId) return;
      setTyping((cur) => [...cur.filter((x) => x.userId !== p.userId), { ...p, until: Date.now() + TYPING_SHOWN_MS }]);
    };
    // someone's message arrived: they have stopped typing it
    const onMessage = (...ms: MessageDto[]) => {
      const authors = new Set(ms.filter((m) => m.channelId === channelId).map((m) => m.author.id));
      if (authors.size > 0) setTyping((cur) => (cur.some((x) => authors.has(x.userId)) ? cur.filter((x) => !authors.has(x.userId)) : cur));
    };
    socket.on("chat:typing", onTyping);
    socket.on("chat:message", onMessage);
    const timer = setInterval(() => setTyping((cur) => (cur.some((x) => x.until < Date.now()) ? cur.filter((x) => x.until >= Date.now()) : cur)), 1_000);
    return () => {
      socket.off("chat:typing", onTyping);
      socket.off("chat:message", onMessage);
      clearInterval(timer);
    };
  }, [channelId, meId]);

  const lastSent = useRef(0);
  const notifyTyping = useCallback(() => {
    const socket = getSocket();
    if (!socket?.connected || Date.now() - lastSent.current < TYPING_SEND_EVERY_MS) return;
    lastSent.current = Date.now();
    socket.emit("chat:typing", { channelId }, () => {});
  }, [channelId]);

  return { typing, notifyTyping };
}

/** Sends the read position (never backwards, at most once a second); `onRead` after the server took it. */
export function useReadMarker(channelId: string, initialRead: number, onRead: () => void) {
  const sent = useRef(initialRead);
  const pending = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onReadRef = useRef(onRead);
  onReadRef.current = onRead;
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [channelId],
  );
  return useCallback(
    (seq: number) => {
      if (seq <= sent.current) return;
      pending.current = Math.max(pending.current ?? 0, seq);
      if (timer.current) return;
      const flush = () => {
        timer.current = null;
        const socket = getSocket();
        const target = pending.current;
        if (!socket || target === null || target <= sent.current) return;
        // not connected yet: say it once the connection is there
        if (!socket.connected) return void socket.once("connect", flush);
        pending.current = null;
        sent.current = target;
        socket.emit("chat:read", { channelId, seq: target }, (res) => {
          if (res.ok) onReadRef.current();
          else if (sent.current === target) sent.current = 0;
        });
      };
      timer.current = setTimeout(flush, 600);
    },
    [channelId],
  );
}

type AckData<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends infer R ? (R extends { ok: true; data?: infer D } ? D : never) : never;

/** Sends a chat event and resolves with the ack's data; a refusal rejects with its code ("timeout" when unanswered). */
export function emitChat<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<AckData<E> | undefined> {
  return new Promise((resolve, reject) => {
    const socket = getSocket();
    if (!socket?.connected) return reject(new Error("timeout"));
    // socket.io's typed timeout() emit adds the error argument; the protocol types only the ack
    const timed = socket.timeout(15_000);
    const emit = timed.emit as unknown as (ev: string, p: unknown, ack: (err: Error | null, res?: { ok: boolean; code?: string; data?: AckData<E> }) => void) => void;
    emit.call(timed, event, payload, (err, res) => {
      if (err || !res) return reject(new Error("timeout"));
      if (!res.ok) return reject(new Error(res.code ?? "internal"));
      resolve(res.data);
    });
  });
}

// ------------------------------------------------------------------ the tab

export interface ChatSummary {
  channels: ChannelListItem[];
  unread: number;
  mentions: number;
  /** When the server answered: the newer of this and a page's own list wins. */
  at: number;
}

export const CHAT_SUMMARY_FETCHER = "chat-summary";

/**
 * The channel list and unread totals, refreshed when anything in the reader's
 * channels happens (the server puts the socket in every channel room it can read:
 * chat:watch). Shared by the header badge and the chat sidebar through one fetcher.
 */
export function useChatSummary(enabled: boolean): { summary: ChatSummary | undefined; refresh: () => void } {
  const fetcher = useFetcher<ChatSummary>({ key: CHAT_SUMMARY_FETCHER });
  const loadRef = useRef(fetcher.load);
  loadRef.current = fetcher.load;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      loadRef.current("/api/chat/channels");
    }, 400);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const socket = getSocket();
    if (!socket) return;
    getOutbox()?.attach(socket);
    installIdleTracker(socket);
    installOfflineCut(socket);
    const watch = () => socket.emit("chat:watch", {}, () => {});
    const onConnect = () => {
      watch();
      refresh();
    };
    const onChannels = () => {
      watch();
      refresh();
    };
    socket.on("connect", onConnect);
    socket.on("chat:message", refresh);
    socket.on("chat:read", refresh);
    socket.on("chat:channels_changed", onChannels);
    socket.on("chat:access_revoked", onChannels);
    if (socket.connected) watch();
    return () => {
      socket.off("connect", onConnect);
      socket.off("chat:message", refresh);
      socket.off("chat:read", refresh);
      socket.off("chat:channels_changed", onChannels);
      socket.off("chat:access_revoked", onChannels);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [enabled, refresh]);

  return { summary: fetcher.data, refresh };
}

/**
 * When the browser says the network is gone, close the socket at once instead of
 * waiting for its heartbeat to time out (messages written meanwhile queue in the
 * outbox), and reconnect as soon as the browser says it is back.
 */
let offlineInstalled = false;
function installOfflineCut(socket: LiveSocket) {
  if (offlineInstalled || typeof window === "undefined") return;
  offlineInstalled = true;
  window.addEventListener("offline", () => {
    if (socket.connected) socket.disconnect();
  });
  window.addEventListener("online", () => {
    if (!socket.connected) socket.connect();
  });
}
