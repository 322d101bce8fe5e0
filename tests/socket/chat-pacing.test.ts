// How a room's chat broadcasts are paced (chatBroadcast in app/server/socket/handlers/chat.ts):
// the first message at once, then the messages that arrive while a broadcast is being
// written go together once it is written and the gap has passed; updates never overtake.
import { describe, expect, it } from "vitest";
import { CHAT_BROADCAST_GAP_MS, CHAT_BROADCAST_MIN_INTERVAL_MS, chatBroadcast } from "../../app/server/socket/handlers/chat";
import type { MessageDto } from "../../app/domain/chat/types";
import type { DomainEvent } from "../../app/domain/events";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const turn = () => new Promise((r) => setImmediate(r));
/** Polls until `done` holds (timers may run late on a busy machine; early by a millisecond at most). */
async function until(done: () => boolean) {
  for (let i = 0; i < 1000 && !done(); i++) await sleep(5);
  expect(done()).toBe(true);
}

/** What the io server was asked to send, in order, with when. */
function recorder() {
  const sent: { room: string; event: string; seqs: number[]; at: number }[] = [];
  const io = {
    to(room: string | string[]) {
      return {
        emit(event: string, ...args: unknown[]) {
          sent.push({ room: String(room), event, seqs: (args as MessageDto[]).map((m) => m.seq), at: performance.now() });
          return true;
        },
      };
    },
    in() {
      return { socketsLeave() {} };
    },
  };
  return { io: io as never, sent };
}

/** A `written` whose broadcasts are written when the test says so. */
function controlledWrites() {
  let release: (() => void)[] = [];
  return {
    written: () => new Promise<void>((resolve) => release.push(resolve)),
    writeAll() {
      const now = release;
      release = [];
      for (const r of now) r();
    },
  };
}

const channelId = "11111111-1111-4111-8111-111111111111";
const posted = (seq: number): DomainEvent => ({ name: "chat.message_posted", payload: { channelId, message: { seq, id: `m${seq}` } as MessageDto } });
const updated = (seq: number): DomainEvent => ({ name: "chat.message_updated", payload: { channelId, message: { seq, id: `m${seq}` } as MessageDto } });

describe("chat broadcast pacing", () => {
  it("sends the first message on the next turn, and those that come while it is written together, in seq order", async () => {
    const { io, sent } = recorder();
    const w = controlledWrites();
    chatBroadcast(io, posted(1), w.written);
    expect(sent).toEqual([]);
    await turn();
    expect(sent.map((s) => [s.event, s.seqs])).toEqual([["chat:message", [1]]]);
    // still being written: these wait, however long that takes
    chatBroadcast(io, posted(3), w.written);
    chatBroadcast(io, posted(2), w.written);
    await sleep(CHAT_BROADCAST_MIN_INTERVAL_MS + CHAT_BROADCAST_GAP_MS + 20);
    expect(sent).toHaveLength(1);
    w.writeAll();
    await until(() => sent.length === 2);
    expect(sent.map((s) => [s.event, s.seqs])).toEqual([
      ["chat:message", [1]],
      ["chat:message", [2, 3]],
    ]);
    // nothing more waiting: the pacing ends, and the next message goes without a write to wait for
    w.writeAll();
    await sleep(CHAT_BROADCAST_MIN_INTERVAL_MS + CHAT_BROADCAST_GAP_MS + 20);
    chatBroadcast(io, posted(4), w.written);
    await until(() => sent.at(-1)!.seqs[0] === 4);
    w.writeAll();
    await sleep(CHAT_BROADCAST_MIN_INTERVAL_MS + 20);
  });

  it("waits the gap after the writing, and the minimum interval after the previous start", async () => {
    const { io, sent } = recorder();
    const w = controlledWrites();
    chatBroadcast(io, posted(1), w.written);
    await turn();
    chatBroadcast(io, posted(2), w.written);
    // written at once: the minimum interval still holds the next broadcast back
    w.writeAll();
    await until(() => sent.length === 2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(CHAT_BROADCAST_MIN_INTERVAL_MS - 2);
    chatBroadcast(io, posted(3), w.written);
    await sleep(5);
    const writtenAt = performance.now();
    w.writeAll();
    await until(() => sent.length === 3);
    expect(sent[2]!.at - writtenAt).toBeGreaterThanOrEqual(CHAT_BROADCAST_GAP_MS - 2);
    w.writeAll();
  });

  it("sends what the room has waiting before an update of a message", async () => {
    const { io, sent } = recorder();
    const w = controlledWrites();
    chatBroadcast(io, posted(1), w.written);
    await turn();
    chatBroadcast(io, posted(2), w.written);
    chatBroadcast(io, updated(2), w.written);
    await turn();
    expect(sent.map((s) => [s.event, s.seqs])).toEqual([
      ["chat:message", [1]],
      ["chat:message", [2]],
      ["chat:message_updated", [2]],
    ]);
    w.writeAll();
    await sleep(CHAT_BROADCAST_MIN_INTERVAL_MS + 20);
    w.writeAll();
  });
});
