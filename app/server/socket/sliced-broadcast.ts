// Broadcasts written in slices. socket.io writes a broadcast to every socket of its rooms
// in one synchronous loop: a thousand websocket writes hold the event loop for 10–20 ms,
// and a post (or any request) that arrives meanwhile waits for all of them. Here a
// broadcast writes `sliceSize` sockets, then lets the event loop take in what has
// arrived, then writes the next slice (docs/decisions/016).
//
// Order is kept: broadcasts go out one after another from one queue, so a socket gets
// them in the order they were emitted. Need-to-know is kept: a socket is checked, when
// its slice comes, to be still connected and still in one of the rooms, so a socket that
// left a room (removed from the operation) while a broadcast was under way gets nothing
// more of it. Direct emits (acks, a socket's own events) do not queue.
import type { Adapter, BroadcastOptions } from "socket.io-adapter";

/** Sockets written per turn of the event loop. */
export const BROADCAST_SLICE = 100;

type AnySocket = { id: string; connected: boolean };
type Write = (socket: AnySocket) => void;

interface Job {
  adapter: Adapter;
  rooms: Set<string>;
  sockets: AnySocket[];
  next: number;
  write: Write;
  /** Called once the last socket of the job is written. */
  onWritten: (() => void)[];
}

/** The parts of socket.io-adapter's Adapter (2.5) that a broadcast goes through. */
interface AdapterInternals {
  apply(opts: BroadcastOptions, callback: Write): void;
  _encode(packet: { id?: number }, packetOpts: unknown): unknown;
  rooms: Map<string, Set<string>>;
}

export interface SlicedBroadcasts {
  /** Broadcasts waiting or under way. */
  pending(): number;
  /** Resolves once every broadcast emitted so far is written (not waiting for later ones). */
  written(): Promise<void>;
}

/**
 * From now on, the adapter's broadcasts (`io.to(room).emit`, local and those arriving
 * from other processes through the cluster adapter) are written in slices. Broadcasts
 * that expect acknowledgements (`emitWithAck` to rooms, which counts the sockets at once)
 * and the adapter's other uses of its sockets (join, leave, disconnect, fetch) are left
 * as they are.
 */
export function sliceBroadcasts(
  adapter: Adapter,
  { sliceSize = BROADCAST_SLICE, onError = () => {} }: { sliceSize?: number; onError?: (err: unknown) => void } = {},
): SlicedBroadcasts {
  const inner = adapter as unknown as AdapterInternals;
  const apply = inner.apply.bind(adapter);
  const encode = inner._encode.bind(adapter);
  const queue: Job[] = [];
  let scheduled = false;

  // Adapter.broadcast encodes the packet, then calls apply with the writer: the encode of
  // a packet without an ack id marks the apply that follows as a broadcast's.
  let broadcasting = false;
  inner._encode = (packet, packetOpts) => {
    broadcasting = packet.id === undefined;
    return encode(packet, packetOpts);
  };
  inner.apply = (opts, write) => {
    if (!broadcasting) return apply(opts, write);
    broadcasting = false;
    const sockets: AnySocket[] = [];
    apply(opts, (socket) => sockets.push(socket));
    if (sockets.length === 0) return;
    queue.push({ adapter, rooms: new Set(opts.rooms), sockets, next: 0, write, onWritten: [] });
    // an idle queue writes the first slice at once: a small room costs no extra turn
    if (queue.length === 1 && !scheduled) run();
  };

  const stillIn = (job: Job, socket: AnySocket) => {
    if (!socket.connected) return false;
    if (job.rooms.size === 0) return true;
    for (const room of job.rooms) if (inner.rooms.get(room)?.has(socket.id)) return true;
    return false;
  };

  function run() {
    scheduled = false;
    let budget = sliceSize;
    while (budget > 0 && queue.length > 0) {
      const job = queue[0]!;
      const end = Math.min(job.sockets.length, job.next + budget);
      for (; job.next < end; job.next++) {
        const socket = job.sockets[job.next]!;
        budget--;
        // written on a later turn, a socket's failure can no longer reach the emitter's caller:
        // it is reported, and the others still get the broadcast
        try {
          if (stillIn(job, socket)) job.write(socket);
        } catch (err) {
          onError(err);
        }
      }
      if (job.next >= job.sockets.length) {
        queue.shift();
        for (const resolve of job.onWritten) resolve();
      }
    }
    if (queue.length > 0) {
      scheduled = true;
      setImmediate(run);
    }
  }

  return {
    pending: () => queue.length,
    // the queue is written in order: the last job's end is everything's so far
    written: () => {
      const last = queue.at(-1);
      return last ? new Promise<void>((resolve) => last.onWritten.push(resolve)) : Promise.resolve();
    },
  };
}
