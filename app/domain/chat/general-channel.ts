// Every operation has one general channel. createOperation makes it in its own
// transaction; operations that came in another way (imports, fixtures) get it the
// first time someone lists their channels.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../../db/client";
import { channels } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { rowsOf } from "../audit/record-audit";

export const GENERAL_CHANNEL_NAME = "general";

/** Inside the operation's creating transaction. */
export async function createGeneralChannel(tx: Tx, actor: Actor, operationId: string, now: Date): Promise<string | null> {
  const [row] = await tx
    .insert(channels)
    .values({ kind: "operation", operationId, name: GENERAL_CHANNEL_NAME, isGeneral: true, createdBy: actor.id, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: channels.id });
  if (!row) return null;
  await recordAudit(tx, actor, now, {
    action: "chat.channel_created",
    targetType: "channel",
    targetId: row.id,
    operationId,
    details: { name: GENERAL_CHANNEL_NAME, general: true },
  });
  return row.id;
}

async function operationsWithoutGeneral(db: DbOrTx, userId: string): Promise<string[]> {
  const res = await db.execute(sql`
    select m.operation_id as id from operation_members m
    where m.user_id = ${userId}
      and not exists (select 1 from channels c where c.operation_id = m.operation_id and c.is_general)`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

/** The general channels of the user's operations that lack one, created now (insert … on conflict do nothing). */
export async function ensureGeneralChannels(deps: ServiceDeps, actor: Actor): Promise<void> {
  if (!actor.id) return;
  const missing = await operationsWithoutGeneral(deps.db, actor.id);
  if (missing.length === 0) return;
  const now = deps.now();
  await withTransaction(deps, async (tx) => {
    for (const operationId of missing) await createGeneralChannel(tx, actor, operationId, now);
  });
}

/** The general channel of one operation, created if missing. */
export async function ensureGeneralChannel(deps: ServiceDeps, actor: Actor, operationId: string): Promise<string> {
  const find = async () =>
    (await deps.db.select({ id: channels.id }).from(channels).where(and(eq(channels.operationId, operationId), eq(channels.isGeneral, true))))[0]?.id;
  const existing = await find();
  if (existing) return existing;
  const now = deps.now();
  await withTransaction(deps, (tx) => createGeneralChannel(tx, actor, operationId, now));
  const id = await find();
  if (!id) throw new Error(`no general channel for operation ${operationId}`);
  return id;
}
