import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { operationMembers, users } from "../../../db/schema/index";
import type { DomainEvent } from "../events";
import { NotFound } from "../errors";
import { isUuid } from "../operations/access";

/** The id a verb acts on; a malformed or missing id is answered like an unknown one. */
export function idFrom(input: unknown, key: string): string {
  const v = input && typeof input === "object" ? (input as Record<string, unknown>)[key] : undefined;
  if (typeof v !== "string" || !isUuid(v)) throw NotFound();
  return v;
}

export const channelChanged = (channelIds: string[], userIds: string[], removedUserIds: string[] = []): DomainEvent => ({
  name: "chat.channel_changed",
  payload: { channelIds, userIds: [...new Set(userIds)], removedUserIds: [...new Set(removedUserIds)] },
});

/** Those of `userIds` who are members of the operation (active accounts). */
export async function operationMembersAmong(db: DbOrTx, operationId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: operationMembers.userId })
    .from(operationMembers)
    .innerJoin(users, eq(users.id, operationMembers.userId))
    .where(and(eq(operationMembers.operationId, operationId), inArray(operationMembers.userId, userIds), isNull(users.disabledAt)));
  return new Set(rows.map((r) => r.id));
}

export async function allOperationMemberIds(db: DbOrTx, operationId: string): Promise<string[]> {
  const rows = await db.select({ id: operationMembers.userId }).from(operationMembers).where(eq(operationMembers.operationId, operationId));
  return rows.map((r) => r.id);
}

/** Unique index violation (either driver), e.g. a channel name taken by a concurrent create. */
export function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const x = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (x.code === "23505") return String(x.constraint_name ?? x.constraint ?? "");
  }
  return null;
}
