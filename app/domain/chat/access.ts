// Need-to-know for chat. A channel is found only through the actor's readership, so
// a non-reader, an unknown id and a malformed id all get the same NotFound.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { agencies, channels, messages, operationMembers, operations, users } from "../../../db/schema/index";
import type { Actor } from "../context";
import { Forbidden, NotFound } from "../errors";
import { isUuid, operationReadOnlyReason } from "../operations/access";
import type { MemberRole } from "../vocabulary";

export type ChannelRow = typeof channels.$inferSelect;

/**
 * SQL: the channel `alias` may be read by `userId`. Operation channels need the
 * operation's membership (so leaving the operation is leaving its channels), and,
 * unless general, a channel_members row; direct and group conversations need the row.
 */
export function readableChannelSql(alias: string, userId: string | SQL): SQL {
  const c = sql.raw(alias);
  return sql`(
    (${c}.kind = 'operation'
      and exists (select 1 from operation_members rom where rom.operation_id = ${c}.operation_id and rom.user_id = ${userId})
      and (${c}.is_general or exists (select 1 from channel_members rcm where rcm.channel_id = ${c}.id and rcm.user_id = ${userId})))
    or (${c}.kind <> 'operation'
      and exists (select 1 from channel_members rcm where rcm.channel_id = ${c}.id and rcm.user_id = ${userId}))
  )`;
}

/** The same rule over the un-aliased `channels` table, for drizzle query builders. */
export const readableBy = (userId: string) => readableChannelSql('"channels"', userId);

export interface ChannelAccess {
  channel: ChannelRow;
  operation: { id: string; codeName: string; status: string; jitEnd: string | null } | null;
  /** The actor's role in the channel's operation (operation channels only). */
  memberRole: MemberRole | null;
  /** Why the actor may not post: archived channel, closed operation, expired agreement, observer. */
  readOnlyReason: "archived" | "closed" | "jit_expired" | "observer" | null;
  /** The operation itself no longer accepts changes (closed, agreement expired). */
  operationFrozen: boolean;
  canPost: boolean;
  canManage: boolean;
}

/**
 * The operation of each operation channel this process has read (a channel never changes
 * operation). A hint, not a grant: whoever uses it checks the channel's row again in the
 * same statement (post-message.ts), so an entry can only save a read, never open a door.
 */
const channelOperations = new Map<string, string>();
const CHANNEL_OPERATIONS_KEPT = 50_000;

export function channelOperationOf(channelId: string): string | null {
  return channelOperations.get(channelId) ?? null;
}

function rememberChannel(channel: ChannelRow) {
  if (channel.kind !== "operation" || !channel.operationId || channelOperations.has(channel.id)) return;
  if (channelOperations.size >= CHANNEL_OPERATIONS_KEPT) channelOperations.clear();
  channelOperations.set(channel.id, channel.operationId);
}

export async function getChannelForActor(db: DbOrTx, channelId: string, actor: Actor, now: Date): Promise<ChannelAccess> {
  if (!actor.id || !isUuid(channelId)) throw NotFound();
  const [row] = await db
    .select({
      channel: channels,
      opId: operations.id,
      codeName: operations.codeName,
      status: operations.status,
      jitEnd: operations.jitEnd,
      role: operationMembers.role,
    })
    .from(channels)
    .leftJoin(operations, eq(operations.id, channels.operationId))
    .leftJoin(operationMembers, and(eq(operationMembers.operationId, channels.operationId), eq(operationMembers.userId, actor.id)))
    .where(and(eq(channels.id, channelId), readableBy(actor.id)));
  if (!row) throw NotFound();
  rememberChannel(row.channel);
  const operation = row.opId ? { id: row.opId, codeName: row.codeName!, status: row.status!, jitEnd: row.jitEnd ?? null } : null;
  const memberRole = (row.role as MemberRole | null) ?? null;
  const frozen = operation ? operationReadOnlyReason(operation, now) : null;
  const readOnlyReason = row.channel.archivedAt ? "archived" : (frozen ?? (memberRole === "observer" ? "observer" : null));
  return {
    channel: row.channel,
    operation,
    memberRole,
    readOnlyReason,
    operationFrozen: frozen !== null,
    canPost: readOnlyReason === null,
    canManage: row.channel.kind === "operation" && !row.channel.isGeneral && memberRole === "lead" && frozen === null,
  };
}

export function assertCanPost(access: ChannelAccess): void {
  if (!access.canPost) throw Forbidden(access.readOnlyReason ?? "read_only");
}

export function assertCanManage(access: ChannelAccess): void {
  if (access.channel.kind !== "operation") throw Forbidden("not_an_operation_channel");
  if (access.channel.isGeneral) throw Forbidden("general_channel");
  if (access.operationFrozen) throw Forbidden("read_only");
  if (access.memberRole !== "lead") throw Forbidden("lead_only");
}

/** The channel of a message, through the actor's readership; NotFound otherwise. */
export async function getMessageForActor(db: DbOrTx, messageId: string, actor: Actor, now: Date) {
  if (!actor.id || !isUuid(messageId)) throw NotFound();
  const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
  if (!row) throw NotFound();
  const access = await getChannelForActor(db, row.channelId, actor, now);
  return { message: row, access };
}

/** Those of `userIds` who can read the channel. */
export async function readersAmong(db: DbOrTx, channelId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.id, userIds),
        sql`${users.disabledAt} is null`,
        sql`exists (select 1 from channels rc where rc.id = ${channelId} and ${readableChannelSql("rc", sql`${users.id}`)})`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Everyone who can read the channel (active accounts), by name. */
export async function channelReaders(db: DbOrTx, channelId: string) {
  return db
    .select({ id: users.id, name: users.name, agencyName: agencies.name, country: agencies.country })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        sql`${users.disabledAt} is null`,
        sql`exists (select 1 from channels rc where rc.id = ${channelId} and ${readableChannelSql("rc", sql`${users.id}`)})`,
      ),
    )
    .orderBy(users.name, users.id);
}
