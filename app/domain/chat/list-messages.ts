import { and, asc, desc, eq, gt, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { messages } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput } from "../validation";
import { getChannelForActor } from "./access";
import { toDtos } from "./dto";
import { listMessagesSchema } from "./schemas";
import { idFrom } from "./support";
import type { MessagePage } from "./types";

async function anyWhere(db: DbOrTx, where: SQL | undefined): Promise<boolean> {
  const [row] = await db.select({ one: sql<number>`1` }).from(messages).where(where).limit(1);
  return !!row;
}

/**
 * A page of a channel's timeline (root messages) or of one thread's replies, ascending
 * by seq: the latest, older than `before`, newer than `after`, or around a seq.
 */
export async function listMessages(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<MessagePage> {
  const channelId = idFrom(input, "channelId");
  await getChannelForActor(deps.db, channelId, actor, deps.now());
  const data = parseInput(listMessagesSchema, input);
  const db = deps.db;
  if (data.parentId) {
    const [root] = await db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.id, data.parentId), eq(messages.channelId, channelId), isNull(messages.parentId)));
    if (!root) throw NotFound();
  }
  const scope = and(eq(messages.channelId, channelId), data.parentId ? eq(messages.parentId, data.parentId) : isNull(messages.parentId));
  const n = data.limit;

  let rows: (typeof messages.$inferSelect)[];
  if (data.after !== undefined) {
    rows = await db.select().from(messages).where(and(scope, gt(messages.seq, data.after))).orderBy(asc(messages.seq)).limit(n + 1);
    const hasNewer = rows.length > n;
    rows = rows.slice(0, n);
    const hasOlder = await anyWhere(db, and(scope, sql`${messages.seq} <= ${data.after}`));
    return { messages: await toDtos(db, rows, actor.id), hasOlder, hasNewer };
  }
  if (data.around !== undefined) {
    const half = Math.max(1, Math.floor(n / 2));
    const older = await db.select().from(messages).where(and(scope, lt(messages.seq, data.around))).orderBy(desc(messages.seq)).limit(half + 1);
    const newer = await db.select().from(messages).where(and(scope, gte(messages.seq, data.around))).orderBy(asc(messages.seq)).limit(n - half + 1);
    const hasOlder = older.length > half;
    const hasNewer = newer.length > n - half;
    rows = [...older.slice(0, half).reverse(), ...newer.slice(0, n - half)];
    return { messages: await toDtos(db, rows, actor.id), hasOlder, hasNewer };
  }
  rows = await db
    .select()
    .from(messages)
    .where(and(scope, data.before !== undefined ? lt(messages.seq, data.before) : undefined))
    .orderBy(desc(messages.seq))
    .limit(n + 1);
  const hasOlder = rows.length > n;
  rows = rows.slice(0, n).reverse();
  const hasNewer = data.before !== undefined && (await anyWhere(db, and(scope, gte(messages.seq, data.before))));
  return { messages: await toDtos(db, rows, actor.id), hasOlder, hasNewer };
}
