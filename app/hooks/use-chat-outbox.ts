// Messages the reader has written and the server has not yet confirmed, for the
// whole tab: switching channels or losing the network keeps them. Each carries the
// idempotency key it was born with; every retry reuses it, so the server stores a
// message once however many times it is sent.
import { useSyncExternalStore } from "react";
import type { MessageDto } from "../domain/chat/types";
import type { HandlingCode } from "../domain/vocabulary";
import type { AckErrorCode } from "../server/socket/protocol";
import type { LiveSocket } from "./live-channel";

export type OutboxStatus = "queued" | "sending" | "failed";

export interface OutboxItem {
  idempotencyKey: string;
  channelId: string;
  parentId: string | null;
  body: string;
  handlingCode: HandlingCode;
  mentions: string[];
  status: OutboxStatus;
  error: AckErrorCode | "timeout" | null;
  createdAt: string;
}

/** How long a send waits for the server's answer before it is shown as failed. */
const SEND_TIMEOUT_MS = 15_000;

type Delivered = (message: MessageDto) => void;

/** The outbox without React, driven by a socket; tests use it with a real socket.io-client. */
export class ChatOutbox {
  private items: OutboxItem[] = [];
  private listeners = new Set<() => void>();
  private delivered = new Set<Delivered>();
  /** Keys confirmed during this page's life: their messages show "sent". */
  readonly sentKeys = new Set<string>();
  private draining = false;
  private socket: LiveSocket | null = null;
  private detach: (() => void) | null = null;

  attach(socket: LiveSocket) {
    if (this.socket === socket) return;
    this.detach?.();
    this.socket = socket;
    // a new connection sends whatever waited, in the order it was written
    const onConnect = () => void this.drain();
    socket.on("connect", onConnect);
    this.detach = () => socket.off("connect", onConnect);
    if (socket.connected) void this.drain();
  }

  snapshot = () => this.items;
  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  /** Called with every message the server confirmed, so the open timeline shows it at once. */
  onDelivered(fn: Delivered) {
    this.delivered.add(fn);
    return () => {
      this.delivered.delete(fn);
    };
  }

  private set(next: OutboxItem[]) {
    this.items = next;
    for (const fn of this.listeners) fn();
  }
  private patch(key: string, change: Partial<OutboxItem>) {
    this.set(this.items.map((i) => (i.idempotencyKey === key ? { ...i, ...change } : i)));
  }

  add(item: Omit<OutboxItem, "status" | "error" | "createdAt">, now = new Date()) {
    this.set([...this.items, { ...item, status: "queued", error: null, createdAt: now.toISOString() }]);
    void this.drain();
  }

  /** Sends a failed message again, with the key it was first sent with. */
  retry(key: string) {
    this.patch(key, { status: "queued", error: null });
    void this.drain();
  }

  discard(key: string) {
    this.set(this.items.filter((i) => i.idempotencyKey !== key));
  }

  /** The server's copy arrived by another way (a broadcast, a sync): the item is done. */
  settle(key: string) {
    if (!this.items.some((i) => i.idempotencyKey === key)) return;
    this.sentKeys.add(key);
    this.discard(key);
  }

  /** One at a time, oldest first: the channel's order is the order they were written in. */
  private async drain() {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        const socket = this.socket;
        const next = this.items.find((i) => i.status === "queued");
        if (!socket || !socket.connected || !next) return;
        this.patch(next.idempotencyKey, { status: "sending" });
        const outcome = await this.sendOne(socket, next);
        if (outcome.ok) {
          this.sentKeys.add(next.idempotencyKey);
          this.discard(next.idempotencyKey);
          for (const fn of this.delivered) fn(outcome.message);
        } else if (outcome.code === "timeout" && !socket.connected) {
          // the connection dropped under it: send again (same key) once it is back
          this.patch(next.idempotencyKey, { status: "queued" });
          return;
        } else {
          this.patch(next.idempotencyKey, { status: "failed", error: outcome.code });
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private sendOne(socket: LiveSocket, item: OutboxItem): Promise<{ ok: true; message: MessageDto } | { ok: false; code: AckErrorCode | "timeout" }> {
    return new Promise((resolve) => {
      socket.timeout(SEND_TIMEOUT_MS).emit(
        "chat:post",
        {
          channelId: item.channelId,
          body: item.body,
          handlingCode: item.handlingCode,
          idempotencyKey: item.idempotencyKey,
          ...(item.parentId ? { parentId: item.parentId } : {}),
          ...(item.mentions.length ? { mentions: item.mentions } : {}),
        },
        (err: Error | null, res?: { ok: boolean; code?: AckErrorCode; data?: { message: MessageDto } }) => {
          if (err || !res) return resolve({ ok: false, code: "timeout" });
          if (!res.ok || !res.data) return resolve({ ok: false, code: res.code ?? "internal" });
          resolve({ ok: true, message: res.data.message });
        },
      );
    });
  }
}

let tabOutbox: ChatOutbox | null = null;

/** The tab's outbox; null while rendering on the server. */
export function getOutbox(): ChatOutbox | null {
  if (typeof window === "undefined") return null;
  return (tabOutbox ??= new ChatOutbox());
}

const NONE: OutboxItem[] = [];

/** The unconfirmed messages of one timeline (a channel's roots, or one thread). */
export function useOutbox(channelId: string, parentId: string | null): OutboxItem[] {
  const all = useSyncExternalStore(
    (fn) => getOutbox()?.subscribe(fn) ?? (() => {}),
    () => getOutbox()?.snapshot() ?? NONE,
    () => NONE,
  );
  return all.filter((i) => i.channelId === channelId && i.parentId === parentId);
}
