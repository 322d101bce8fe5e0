// Chat fixtures: an operation with a lead, members, an observer, and people outside it.
import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { auditLog, messages } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import type { PostMessageInput } from "../../app/domain/chat/schemas";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import type { TestServices } from "../setup/services";

export interface ChatFixture {
  operationId: string;
  generalId: string;
  lead: Actor;
  member: Actor;
  member2: Actor;
  observer: Actor;
  outsider: Actor;
  names: Record<string, string>;
}

export async function createChatFixture(t: TestServices): Promise<ChatFixture> {
  const db = t.testDb.db;
  const agency = await createAgency(db, { country: "RS" });
  const people = await Promise.all(["Lead", "Member", "Member Two", "Observer", "Outsider"].map((n) => createUser(db, { agencyId: agency.id, name: `${n} ${randomUUID().slice(0, 4)}` })));
  const [lead, member, member2, observer, outsider] = people as [typeof people[0], typeof people[0], typeof people[0], typeof people[0], typeof people[0]];
  const op = await createOperation(db, {
    leadAgencyId: agency.id,
    members: [
      [lead.id, "lead"],
      [member.id, "member"],
      [member2.id, "member"],
      [observer.id, "observer"],
    ],
  });
  const actors = await Promise.all(people.map((p) => actorOf(db, p.id)));
  // fixtures insert operations directly: the sidebar creates the general channel lazily
  const list = await t.services.chat.listChannels({ actor: actors[0]! });
  const general = list.find((c) => c.operationId === op.id && c.isGeneral);
  if (!general) throw new Error("no general channel");
  return {
    operationId: op.id,
    generalId: general.id,
    lead: actors[0]!,
    member: actors[1]!,
    member2: actors[2]!,
    observer: actors[3]!,
    outsider: actors[4]!,
    names: Object.fromEntries(people.map((p) => [p.id, p.name])),
  };
}

export function post(t: TestServices, actor: Actor, channelId: string, over: Partial<PostMessageInput> = {}) {
  return t.services.chat.postMessage({
    actor,
    input: { channelId, body: over.body ?? `Message ${randomUUID().slice(0, 8)}`, idempotencyKey: over.idempotencyKey ?? randomUUID(), ...over },
  });
}

export async function lastAudit(db: DbOrTx, action: string, targetId?: string) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), targetId ? eq(auditLog.targetId, targetId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row ?? null;
}

export async function auditCount(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return Number(row!.n);
}

export async function messageCount(db: DbOrTx, channelId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .where(channelId ? eq(messages.channelId, channelId) : undefined);
  return Number(row!.n);
}

/** What any refusal of an unknown thing looks like. */
export const notFound = { code: "not_found" };
