import { eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { users } from "../../../db/schema/index";
import type { Actor } from "../context";
import { Conflict, NotFound } from "../errors";
import { assertAdministrator } from "../office/permissions";
import { isUserId } from "./get-user";

export type UserRow = typeof users.$inferSelect;

/** The common start of the account actions: administrator, a well-formed id, the row locked for the change. */
export async function lockUserForChange(tx: Tx, actor: Actor, userId: string): Promise<UserRow> {
  assertAdministrator(actor);
  if (!isUserId(userId)) throw NotFound();
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!row) throw NotFound();
  return row;
}

export function assertNotSelf(actor: Actor, userId: string, reason: string): void {
  if (actor.kind === "user" && actor.id === userId) throw Conflict(reason);
}
