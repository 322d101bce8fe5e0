// The client's copy of a channel's timeline, without React: merging by seq, the
// bounded window of rendered messages, and what a gap in the sequence means.
// The hooks in use-chat.ts are thin wrappers; unit tests drive these directly.
import type { MessageDto } from "../domain/chat/types";

/**
 * How many messages one timeline keeps (and so renders) at most. Scrolling back
 * through history loads older pages and drops the newest ones beyond this, and
 * the other way round, so a channel of 100,000 messages costs the same as one of
 * 300 (docs/decisions/007-chat-windowed-timeline.md).
 */
export const WINDOW_MAX = 300;
export const PAGE_SIZE = 50;

export interface Timeline {
  /** Ascending by seq, one per id, only those of this timeline (roots, or one thread). */
  messages: MessageDto[];
  /** Older messages exist before the first one kept. */
  hasOlder: boolean;
  /** Newer messages exist after the last one kept: the reader is looking at history. */
  hasNewer: boolean;
}

export const emptyTimeline: Timeline = { messages: [], hasOlder: false, hasNewer: false };

/** Whether a message belongs to a timeline: the channel's roots (parentId null), or one thread. */
export function belongsTo(m: MessageDto, channelId: string, parentId: string | null): boolean {
  return m.channelId === channelId && (parentId === null ? m.parentId === null : m.parentId === parentId || m.id === parentId);
}

/**
 * Merges incoming messages into a sorted list: the same id is replaced (the server
 * is the authority on edits, deletions, reactions and reply counts), new ones are
 * inserted at their seq. Never duplicates, never reorders.
 */
export function mergeBySeq(list: MessageDto[], incoming: MessageDto[]): MessageDto[] {
  if (incoming.length === 0) return list;
  const byId = new Map(list.map((m) => [m.id, m] as const));
  let changed = false;
  for (const m of incoming) {
    const prev = byId.get(m.id);
    if (prev && sameVersion(prev, m)) continue;
    byId.set(m.id, m);
    changed = true;
  }
  if (!changed) return list;
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

function sameVersion(a: MessageDto, b: MessageDto) {
  return (
    a.editedAt === b.editedAt &&
    a.deletedAt === b.deletedAt &&
    a.replyCount === b.replyCount &&
    a.body === b.body &&
    JSON.stringify(a.reactions) === JSON.stringify(b.reactions)
  );
}

/** An older page arrived (scrolling up): prepend it, and let go of the newest beyond the window. */
export function withOlderPage(t: Timeline, page: { messages: MessageDto[]; hasOlder: boolean }): Timeline {
  const messages = mergeBySeq(t.messages, page.messages);
  if (messages.length <= WINDOW_MAX) return { ...t, messages, hasOlder: page.hasOlder };
  return { messages: messages.slice(0, WINDOW_MAX), hasOlder: page.hasOlder, hasNewer: true };
}

/** A newer page arrived (scrolling down through history): append it, and let go of the oldest beyond the window. */
export function withNewerPage(t: Timeline, page: { messages: MessageDto[]; hasNewer: boolean }): Timeline {
  const messages = mergeBySeq(t.messages, page.messages);
  if (messages.length <= WINDOW_MAX) return { ...t, messages, hasNewer: page.hasNewer };
  return { messages: messages.slice(messages.length - WINDOW_MAX), hasOlder: true, hasNewer: page.hasNewer };
}

/**
 * Live or synced messages: merged when the reader is at the live end; when they
 * are looking at history only updates to messages already shown are applied (the
 * new ones wait below, behind "jump to latest").
 */
export function withLive(t: Timeline, incoming: MessageDto[]): Timeline {
  if (t.hasNewer) {
    const shown = new Set(t.messages.map((m) => m.id));
    const updates = incoming.filter((m) => shown.has(m.id));
    return updates.length ? { ...t, messages: mergeBySeq(t.messages, updates) } : t;
  }
  const messages = mergeBySeq(t.messages, incoming);
  if (messages.length <= WINDOW_MAX) return messages === t.messages ? t : { ...t, messages };
  return { ...t, messages: messages.slice(messages.length - WINDOW_MAX), hasOlder: true };
}

/**
 * The channel's sequence as this client knows it: `synced` is the highest seq up to
 * which it has seen everything. A message at synced+1 advances it; anything further
 * means something was missed and the client must sync from `synced`.
 */
export function advanceSeq(synced: number, seq: number): { synced: number; gap: boolean } {
  if (seq <= synced) return { synced, gap: false };
  if (seq === synced + 1) return { synced: seq, gap: false };
  return { synced, gap: true };
}

/** The first root message the reader has not read (someone else's), where the "new" line goes. */
export function firstUnreadId(messages: MessageDto[], lastReadSeq: number, meId: string): string | null {
  const m = messages.find((x) => x.seq > lastReadSeq && x.author.id !== meId && !x.deletedAt);
  return m?.id ?? null;
}

/** Same calendar day in the reader's zone: day separators are drawn where it changes. */
export function dayKey(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}
