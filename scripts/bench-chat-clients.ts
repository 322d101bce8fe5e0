/**
 * The load generator's clients for `npm run bench:chat` (scripts/bench-chat.ts).
 *
 * A client is a real socket.io connection: a websocket to /socket.io/ (engine.io v4),
 * the signed-in session's cookie and the page's Origin on the upgrade, the namespace
 * connect through the server's auth middleware, `chat:join` (readership check, room)
 * and `chat:sync` with acks, ping answered with pong. What it does not do is decode
 * what it does not need: a `chat:message` frame is read for its seq and idempotency key
 * only, so a thousand clients on the same two CPUs as the server cost little.
 *
 * Run as a child process (`--import tsx scripts/bench-chat-clients.ts`, IPC), one per
 * group of clients; the bench process keeps its posters in a group of its own.
 */
import { performance } from "node:perf_hooks";
import WebSocket from "ws";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** One clock for every process of the bench: wall time in ms with sub-ms precision. */
export const clock = () => performance.timeOrigin + performance.now();

type Ack<T> = { ok: true; data: T } | { ok: false; code: string };

// A `chat:message` frame is read in place, not decoded: the seq of each message it carries and
// the idempotency key that follows it (MessageDto's last field; in JSON a string value cannot
// hold `"seq":` unescaped). No string of the frame, no match arrays: a thousand clients
// decoding 50 messages a second on the server's CPUs must neither take its CPU nor pause for
// garbage collection.
const CHAT_MESSAGE = Buffer.from('42["chat:message"');
const SEQ_TAG = Buffer.from('"seq":');
const KEY_TAG = Buffer.from('"idempotencyKey":"');
const KEY_LENGTH = 36;
const ZERO = 48;
const NINE = 57;

export function readMessages(frame: Buffer, at: number, onMessage: (seq: number, key: string | null, at: number) => void) {
  let s = frame.indexOf(SEQ_TAG);
  while (s >= 0) {
    let i = s + SEQ_TAG.length;
    let seq = 0;
    while (frame[i]! >= ZERO && frame[i]! <= NINE) seq = seq * 10 + frame[i++]! - ZERO;
    const next = frame.indexOf(SEQ_TAG, i);
    const k = frame.indexOf(KEY_TAG, i);
    const key = k >= 0 && (next < 0 || k < next) ? frame.toString("latin1", k + KEY_TAG.length, k + KEY_TAG.length + KEY_LENGTH) : null;
    onMessage(seq, key, at);
    s = next;
  }
}

/** A set of seqs as a growable bitmap: no hash table per client for the collector to walk. */
export class SeqSet {
  private bits = new Uint8Array(1024);

  has(seq: number): boolean {
    const byte = seq >> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (seq & 7))) !== 0;
  }

  add(seq: number) {
    const byte = seq >> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[byte]! |= 1 << (seq & 7);
  }

  clear() {
    this.bits.fill(0);
  }
}

export class RawClient {
  private ws: WebSocket | null = null;
  private nextId = 0;
  private readonly acks = new Map<number, (v: unknown) => void>();
  /** seq and idempotency key of each `chat:message`, with the arrival time. */
  onMessage: (seq: number, key: string | null, at: number) => void = () => {};
  onClose: () => void = () => {};

  constructor(
    readonly url: string,
    readonly cookie: string,
  ) {}

  connect(timeoutMs = 60_000): Promise<void> {
    const u = new URL(this.url);
    const ws = new WebSocket(`ws://${u.host}/socket.io/?EIO=4&transport=websocket`, {
      headers: { Cookie: this.cookie, Origin: this.url },
      perMessageDeflate: false,
    });
    this.ws = ws;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error("connect timeout")), timeoutMs);
      let settled = false;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        ws.terminate();
        reject(err);
      };
      ws.on("error", (err) => fail(err));
      ws.on("close", () => {
        fail(new Error("closed"));
        for (const done of this.acks.values()) done({ ok: false, code: "disconnected" });
        this.acks.clear();
        this.onClose();
      });
      ws.on("message", (raw: Buffer) => {
        if (raw[0] === 0x34 && raw[1] === 0x32 && raw.indexOf(CHAT_MESSAGE) === 0) {
          readMessages(raw, clock(), this.onMessage);
          return;
        }
        const data = raw.toString();
        switch (data[0]) {
          case "0": // engine.io open: connect to the default namespace
            ws.send("40");
            return;
          case "2": // ping
            ws.send("3");
            return;
          case "4":
            break;
          default:
            return;
        }
        const type = data[1];
        if (type === "3") {
          let i = 2;
          while (data.charCodeAt(i) >= 48 && data.charCodeAt(i) <= 57) i++;
          const id = Number(data.slice(2, i));
          const done = this.acks.get(id);
          if (done) {
            this.acks.delete(id);
            done((JSON.parse(data.slice(i)) as unknown[])[0]);
          }
        } else if (type === "0") {
          if (!settled) {
            settled = true;
            clearTimeout(timer);
            resolve();
          }
        } else if (type === "4") {
          fail(new Error(`connect refused: ${data.slice(2)}`));
        }
      });
    });
  }

  emitAck<T>(event: string, payload: unknown, ms = 60_000): Promise<Ack<T>> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, code: "disconnected" });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        resolve({ ok: false, code: "timeout" });
      }, ms);
      this.acks.set(id, (v) => {
        clearTimeout(timer);
        resolve(v as Ack<T>);
      });
      ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  close() {
    this.ws?.close();
  }
}

// ---------------------------------------------------------------- a group of clients

export interface ClientSpec {
  url: string;
  cookie: string;
  server: number;
}

interface Member {
  spec: ClientSpec;
  client: RawClient;
  have: SeqSet;
  liveThisConnection: SeqSet;
  duplicatesLive: number;
  syncOverlap: number;
  maxSeq: number;
  /**
   * Every seq up to this one is held: where a reconnect syncs from, as the page does.
   * Not maxSeq: posts that commit close together may arrive out of order (each event
   * carries those of one turn of the server's loop, in order), so a drop can fall between.
   */
  synced: number;
}

export interface GroupReport {
  clients: number;
  missing: number;
  duplicatesLive: number;
  syncOverlap: number;
  reconnectFailures: number;
  dropped: number;
  /** idempotency key -> arrival times (clock()) per server index of the receiving client */
  arrivals: Record<string, number[][]>;
}

interface SyncedMessage {
  seq: number;
}

export class Group {
  readonly members: Member[] = [];
  private arrivals = new Map<string, number[][]>();
  private storms: Promise<void>[] = [];
  private reconnectFailures = 0;
  private dropped = 0;

  constructor(
    private readonly channelId: string,
    private readonly servers: number,
  ) {}

  private listen(m: Member) {
    m.client.onMessage = (seq, key, at) => {
      if (m.liveThisConnection.has(seq)) m.duplicatesLive++;
      m.liveThisConnection.add(seq);
      if (m.have.has(seq)) m.syncOverlap++;
      m.have.add(seq);
      if (seq > m.maxSeq) m.maxSeq = seq;
      while (m.have.has(m.synced + 1)) m.synced++;
      if (key) {
        let per = this.arrivals.get(key);
        if (!per) this.arrivals.set(key, (per = Array.from({ length: this.servers }, () => [])));
        per[m.spec.server]!.push(at);
      }
    };
  }

  /** Joins, then fills everything after the client's last seq (paged); a new client starts from now. */
  private async rejoin(m: Member, first: boolean) {
    // held before joining: live messages arriving during the join must not move it
    let after = m.synced;
    const joined = await m.client.emitAck<{ lastSeq: number }>("chat:join", { channelId: this.channelId });
    if (!joined.ok) throw new Error(`join refused: ${joined.code}`);
    if (first) {
      after = m.maxSeq = m.synced = joined.data.lastSeq;
      while (m.have.has(m.synced + 1)) m.synced++;
    }
    for (;;) {
      const page = await m.client.emitAck<{ messages: SyncedMessage[]; more: boolean }>("chat:sync", { channelId: this.channelId, afterSeq: after, limit: 500 });
      if (!page.ok) throw new Error(`sync refused: ${page.code}`);
      for (const msg of page.data.messages) {
        if (m.have.has(msg.seq)) m.syncOverlap++;
        m.have.add(msg.seq);
        if (msg.seq > m.maxSeq) m.maxSeq = msg.seq;
      }
      while (m.have.has(m.synced + 1)) m.synced++;
      if (!page.data.more || page.data.messages.length === 0) break;
      after = page.data.messages.at(-1)!.seq;
    }
  }

  async connect(specs: ClientSpec[], batch = 25): Promise<number> {
    for (let i = 0; i < specs.length; i += batch) {
      await Promise.all(
        specs.slice(i, i + batch).map(async (spec) => {
          const m: Member = { spec, client: new RawClient(spec.url, spec.cookie), have: new SeqSet(), liveThisConnection: new SeqSet(), duplicatesLive: 0, syncOverlap: 0, maxSeq: 0, synced: 0 };
          this.listen(m);
          await m.client.connect();
          await this.rejoin(m, true);
          this.members.push(m);
        }),
      );
    }
    return Math.max(0, ...this.members.map((m) => m.maxSeq));
  }

  /** What a client had before the run is not part of the run's expectations. */
  reset() {
    for (const m of this.members) {
      m.have.clear();
      m.synced = m.maxSeq;
    }
    this.arrivals.clear();
  }

  /** A fifth of the members drop at a random moment for 2-10 s and come back with a new socket. */
  storm(durationS: number) {
    const droppers = this.members.filter((_, i) => i % 5 === 0);
    this.dropped = droppers.length;
    for (const m of droppers) {
      const dropAt = (0.1 + Math.random() * 0.5) * durationS * 1000;
      const away = Math.min(2000 + Math.random() * 8000, durationS * 400);
      this.storms.push(
        (async () => {
          await sleep(dropAt);
          m.client.close();
          await sleep(away);
          m.liveThisConnection = new SeqSet();
          // a new connection, as after a network change or a reload; a few tries, as the page would
          for (let attempt = 0; ; attempt++) {
            try {
              m.client = new RawClient(m.spec.url, m.spec.cookie);
              this.listen(m);
              await m.client.connect();
              await this.rejoin(m, false);
              return;
            } catch {
              m.client.close();
              if (attempt === 4) {
                this.reconnectFailures++;
                return;
              }
              await sleep(1000);
            }
          }
        })(),
      );
    }
    return this.dropped;
  }

  /** Waits (up to `graceMs`) until every member has every seq in `okSeqs`, then reports. */
  async finish(okSeqs: number[], graceMs = 15_000): Promise<GroupReport> {
    await Promise.all(this.storms);
    const missingAt = (m: Member) => okSeqs.reduce((n, q) => n + (m.have.has(q) ? 0 : 1), 0);
    const until = clock() + graceMs;
    while (clock() < until && this.members.some((m) => missingAt(m) > 0)) await sleep(200);
    return {
      clients: this.members.length,
      missing: this.members.reduce((n, m) => n + missingAt(m), 0),
      duplicatesLive: this.members.reduce((n, m) => n + m.duplicatesLive, 0),
      syncOverlap: this.members.reduce((n, m) => n + m.syncOverlap, 0),
      reconnectFailures: this.reconnectFailures,
      dropped: this.dropped,
      arrivals: Object.fromEntries(this.arrivals),
    };
  }

  close() {
    for (const m of this.members) m.client.close();
  }
}

// ---------------------------------------------------------------- as a child process

export type ToClients =
  | { type: "connect"; channelId: string; servers: number; specs: ClientSpec[] }
  | { type: "reset" }
  | { type: "storm"; durationS: number }
  | { type: "finish"; okSeqs: number[] }
  | { type: "close" };
export type FromClients =
  | { type: "connected"; maxSeq: number }
  | { type: "reset" }
  | { type: "storm"; dropped: number }
  | { type: "report"; report: GroupReport }
  | { type: "closed" }
  | { type: "error"; message: string };

if (process.send && process.argv.includes("--clients-child")) {
  let group: Group | null = null;
  const reply = (m: FromClients) => process.send!(m);
  process.on("message", (m: ToClients) => {
    void (async () => {
      try {
        switch (m.type) {
          case "connect":
            group = new Group(m.channelId, m.servers);
            reply({ type: "connected", maxSeq: await group.connect(m.specs) });
            break;
          case "reset":
            group!.reset();
            reply({ type: "reset" });
            break;
          case "storm":
            reply({ type: "storm", dropped: group!.storm(m.durationS) });
            break;
          case "finish":
            reply({ type: "report", report: await group!.finish(m.okSeqs) });
            break;
          case "close":
            group?.close();
            await sleep(300);
            reply({ type: "closed" });
            process.exit(0);
        }
      } catch (err) {
        reply({ type: "error", message: err instanceof Error ? err.message : String(err) });
      }
    })();
  });
  process.on("disconnect", () => process.exit(0));
}
