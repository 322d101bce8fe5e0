// Chat in the access-control matrix: history, search, thread replies, reactions,
// edits and deletions of someone else's message, and joining a room by guessing its
// id × every kind of visitor, over HTTP and sockets. A non-reader learns nothing,
// not even whether the channel exists.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageReactions, messages } from "../../db/schema/index";
import type { MessageDto } from "../../app/domain/chat/types";
import type { LiveSocket } from "../../app/hooks/live-channel";
import type { AckResult } from "../../app/server/socket/protocol";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { closeAllSockets, connectOutcome, connectSocket, emitRaw } from "../socket/helpers";
import { MEMBERS_ONLY, PERSONAS, type Persona, type Outcome, createPersonaUsers, httpOutcome, personaMembers, signInPersonas } from "./personas";

// a socket event's answer: ok, an error code, or "refused" when the handshake itself is
type SocketOutcome = "ok" | "not_found" | "forbidden" | "refused";

let app: TestApp;
let cookies = {} as Record<Persona, string | null>;
const ids = {} as Record<Persona | "author", string>;
let generalId = "";
let privateId = "";
let rootId = "";
const SECRET = `vardarsafehouse${randomUUID().slice(0, 6)}`;
const PRIVATE_SECRET = `privatecourier${randomUUID().slice(0, 6)}`;

async function postAs(who: Persona | "author", channelId: string, body: string, parentId?: string): Promise<MessageDto> {
  const { message } = await app.services.chat.postMessage({
    actor: await actorOf(app.testDb.db, ids[who]),
    input: { channelId, body, idempotencyKey: randomUUID(), ...(parentId ? { parentId } : {}) },
  });
  return message;
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.testDb.db;
  const agency = await createAgency(db, { country: "RS" });
  const u = await createPersonaUsers(db, agency.id);
  const author = await createUser(db, { agencyId: agency.id });
  for (const [k, v] of Object.entries(u)) ids[k as Persona] = v.id;
  ids.author = author.id;
  const op = await createOperation(db, {
    leadAgencyId: agency.id,
    members: [...personaMembers(u), [author.id, "member"]],
  });
  // the partner reads another operation's channel: being in a channel somewhere opens nothing else
  await createOperation(db, { leadAgencyId: agency.id, members: [[u.ngo.id, "observer"]] });
  const leadActor = await actorOf(db, u.lead.id);
  generalId = (await app.services.chat.listChannels({ actor: leadActor })).find((c) => c.operationId === op.id && c.isGeneral)!.id;
  await app.services.chat.listChannels({ actor: await actorOf(db, u.ngo.id) });
  privateId = (await app.services.chat.createChannel({ actor: leadActor, input: { operationId: op.id, name: "Inner circle", memberIds: [u.member.id] } })).channelId;
  rootId = (await postAs("author", generalId, `The ${SECRET} is watched from Tuesday`)).id;
  await postAs("lead", generalId, `Reply about ${SECRET}`, rootId);
  await postAs("lead", privateId, `Only us: ${PRIVATE_SECRET}`);
  cookies = await signInPersonas(app, u);
}, 120_000);

afterAll(async () => {
  closeAllSockets();
  await app?.close();
});

const outcome = (persona: Persona, path: string) => httpOutcome(app, cookies[persona], path);

const READERS = MEMBERS_ONLY;
const PRIVATE_READERS: Record<Persona, Outcome> = { ...READERS, observer: 404 };
const SIGNED_IN: Record<Persona, Outcome> = { ...READERS, nonMember: 200, adminNonMember: 200, officeLeadNonMember: 200, ngo: 200 };

const HTTP_READS: { resource: string; path: () => string; expected: Record<Persona, Outcome>; secret: string; readers: Persona[] }[] = [
  { resource: "general channel history", path: () => `/api/chat/messages?channelId=${generalId}`, expected: READERS, secret: SECRET, readers: ["lead", "member", "observer"] },
  { resource: "private channel history", path: () => `/api/chat/messages?channelId=${privateId}`, expected: PRIVATE_READERS, secret: PRIVATE_SECRET, readers: ["lead", "member"] },
  { resource: "thread replies", path: () => `/api/chat/messages?channelId=${generalId}&parentId=${rootId}`, expected: READERS, secret: SECRET, readers: ["lead", "member", "observer"] },
  { resource: "thread panel", path: () => `/api/chat/thread?channelId=${generalId}&rootId=${rootId}`, expected: READERS, secret: SECRET, readers: ["lead", "member", "observer"] },
  { resource: "channel page", path: () => `/chat/${privateId}`, expected: PRIVATE_READERS, secret: PRIVATE_SECRET, readers: ["lead", "member"] },
  // the query is a prefix (the last word matches as one): the page echoes the query, never the whole word
  { resource: "search", path: () => `/chat/search?q=${SECRET.slice(0, 12)}`, expected: SIGNED_IN, secret: SECRET, readers: ["lead", "member", "observer"] },
  { resource: "search of a private channel", path: () => `/chat/search?q=${PRIVATE_SECRET.slice(0, 12)}`, expected: SIGNED_IN, secret: PRIVATE_SECRET, readers: ["lead", "member"] },
];

describe("chat access over HTTP: reads", () => {
  for (const row of HTTP_READS) {
    for (const persona of PERSONAS) {
      it(`${row.resource} × ${persona} → ${row.expected[persona]}`, async () => {
        const { outcome: got, body } = await outcome(persona, row.path());
        expect(got).toBe(row.expected[persona]);
        expect(body.includes(row.secret)).toBe(row.readers.includes(persona));
      });
    }
  }

  it("a non-reader's answer for a real channel is the answer for a guessed one", async () => {
    const hidden = await outcome("nonMember", `/api/chat/messages?channelId=${privateId}`);
    const guessed = await outcome("nonMember", `/api/chat/messages?channelId=${randomUUID()}`);
    const malformed = await outcome("nonMember", `/api/chat/messages?channelId=not-a-uuid`);
    expect(hidden).toEqual(guessed);
    expect(malformed).toEqual(guessed);
    expect((await outcome("observer", `/api/chat/messages?channelId=${privateId}`)).body).toBe(guessed.body);
  });
});

async function socketFor(persona: Persona): Promise<LiveSocket | null> {
  const s = connectSocket(app.url, { cookie: cookies[persona] });
  const o = await connectOutcome(s);
  return o.connected ? s : null;
}

async function socketOutcome(persona: Persona, event: string, payload: unknown): Promise<SocketOutcome> {
  const s = await socketFor(persona);
  if (!s) return "refused";
  const res = (await emitRaw(s, event, payload)) as AckResult<unknown>;
  s.disconnect();
  if (res.ok) return "ok";
  if (res.code === "not_found" || res.code === "forbidden") return res.code;
  throw new Error(`unexpected ${res.code}`);
}

const JOIN: Record<Persona, SocketOutcome> = {
  lead: "ok",
  member: "ok",
  observer: "ok",
  nonMember: "not_found",
  adminNonMember: "not_found",
  officeLeadNonMember: "not_found",
  ngo: "not_found",
  disabled: "refused",
  anonymous: "refused",
};
const WRITERS: Record<Persona, SocketOutcome> = { ...JOIN, observer: "forbidden" };
const NOT_THE_AUTHOR: Record<Persona, SocketOutcome> = { ...JOIN, lead: "forbidden", member: "forbidden", observer: "forbidden" };
const AUTHOR_OR_LEAD: Record<Persona, SocketOutcome> = { ...NOT_THE_AUTHOR, lead: "ok" };

describe("chat access over sockets", () => {
  for (const persona of PERSONAS) {
    it(`join the general channel's room × ${persona} → ${JOIN[persona]}`, async () => {
      expect(await socketOutcome(persona, "chat:join", { channelId: generalId })).toBe(JOIN[persona]);
    });
    it(`join a private channel's room × ${persona} → ${persona === "observer" ? "not_found" : JOIN[persona]}`, async () => {
      expect(await socketOutcome(persona, "chat:join", { channelId: privateId })).toBe(persona === "observer" ? "not_found" : JOIN[persona]);
    });
    it(`join a room by a guessed id × ${persona} → ${JOIN[persona] === "refused" ? "refused" : "not_found"}`, async () => {
      expect(await socketOutcome(persona, "chat:join", { channelId: randomUUID() })).toBe(JOIN[persona] === "refused" ? "refused" : "not_found");
    });
    it(`sync history × ${persona} → ${JOIN[persona]}`, async () => {
      expect(await socketOutcome(persona, "chat:sync", { channelId: generalId, afterSeq: 0 })).toBe(JOIN[persona]);
    });
    it(`react to a message × ${persona} → ${WRITERS[persona]}`, async () => {
      const emoji = `e${PERSONAS.indexOf(persona)}`;
      expect(await socketOutcome(persona, "chat:react", { messageId: rootId, emoji })).toBe(WRITERS[persona]);
      const rows = await app.testDb.db.select().from(messageReactions).where(eq(messageReactions.emoji, emoji));
      expect(rows.length).toBe(WRITERS[persona] === "ok" ? 1 : 0);
    });
    it(`edit someone else's message × ${persona} → ${NOT_THE_AUTHOR[persona]}`, async () => {
      expect(await socketOutcome(persona, "chat:edit", { messageId: rootId, body: "rewritten" })).toBe(NOT_THE_AUTHOR[persona]);
      const [row] = await app.testDb.db.select().from(messages).where(eq(messages.id, rootId));
      expect(row!.body).toContain(SECRET);
    });
    it(`delete someone else's message × ${persona} → ${AUTHOR_OR_LEAD[persona]}`, async () => {
      const target = await postAs("author", generalId, `To delete ${persona}`);
      expect(await socketOutcome(persona, "chat:delete", { messageId: target.id })).toBe(AUTHOR_OR_LEAD[persona]);
      const [row] = await app.testDb.db.select().from(messages).where(eq(messages.id, target.id));
      expect(row!.deletedAt !== null).toBe(AUTHOR_OR_LEAD[persona] === "ok");
    });
  }
});
