import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { rowsOf } from "../audit/record-audit";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { readableChannelSql } from "./access";
import { ensureGeneralChannels } from "./general-channel";
import type { ChannelKind, ChannelListItem, ChatUserRef } from "./types";

interface Row {
  id: string;
  kind: ChannelKind;
  name: string | null;
  operation_id: string | null;
  code_name: string | null;
  is_general: boolean;
  archived: boolean;
  last_seq: string | number;
  last_message_at: string | Date | null;
  unread: string | number;
  mentions: string | number;
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Counts stop here: the sidebar shows "99+" beyond, and counting a long unread
 * channel to the end would cost a scan of every message after the marker.
 */
export const UNREAD_CAP = 100;

/**
 * The channels `userId` can read, with unread and mention counts after their read
 * marker. `onlyIds` narrows the list (one sidebar line after a change).
 */
export async function channelItems(db: DbOrTx, userId: string, onlyIds?: string[]): Promise<ChannelListItem[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  const only = onlyIds ? sql`and c.id in (${sql.join(onlyIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  const res = await db.execute(sql`
    select c.id, c.kind, c.name, c.operation_id, o.code_name, c.is_general, (c.archived_at is not null) as archived,
      c.last_seq, c.last_message_at,
      case when c.last_seq <= coalesce(r.last_read_seq, 0) then 0 else
        (select count(*) from (select 1 from messages m where m.channel_id = c.id and m.seq > coalesce(r.last_read_seq, 0)
          and m.author_id <> ${userId} and m.deleted_at is null limit ${UNREAD_CAP}) u) end as unread,
      case when c.last_seq <= coalesce(r.last_read_seq, 0) then 0 else
        (select count(*) from (select 1 from messages m where m.channel_id = c.id and m.seq > coalesce(r.last_read_seq, 0)
          and cardinality(m.mentions) > 0 and m.mentions @> array[${userId}]::text[]
          and m.author_id <> ${userId} and m.deleted_at is null limit ${UNREAD_CAP}) x) end as mentions
    from channels c
    left join operations o on o.id = c.operation_id
    left join channel_reads r on r.channel_id = c.id and r.user_id = ${userId}
    where ${readableChannelSql("c", userId)} ${only}
    order by (c.kind = 'operation') desc, o.code_name, c.is_general desc, lower(c.name), c.last_message_at desc nulls last, c.id`);
  const rows = rowsOf<Row>(res);
  const conversations = rows.filter((r) => r.kind !== "operation").map((r) => r.id);
  const others = new Map<string, ChatUserRef[]>();
  if (conversations.length > 0) {
    const people = rowsOf<{ channel_id: string } & ChatUserRef>(
      await db.execute(sql`
        select cm.channel_id, u.id, u.name, a.name as "agencyName", a.country
        from channel_members cm join users u on u.id = cm.user_id join agencies a on a.id = u.agency_id
        where cm.channel_id in (${sql.join(conversations.map((id) => sql`${id}::uuid`), sql`, `)}) and cm.user_id <> ${userId}
        order by u.name, u.id`),
    );
    for (const p of people) {
      const list = others.get(p.channel_id) ?? [];
      list.push({ id: p.id, name: p.name, agencyName: p.agencyName, country: p.country });
      others.set(p.channel_id, list);
    }
  }
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    operationId: r.operation_id,
    operationCode: r.code_name,
    operationName: r.code_name,
    isGeneral: r.is_general,
    archived: r.archived,
    unread: Number(r.unread),
    mentions: Number(r.mentions),
    lastSeq: Number(r.last_seq),
    lastMessageAt: iso(r.last_message_at),
    ...(r.kind === "operation" ? {} : { otherUsers: others.get(r.id) ?? [] }),
  }));
  // conversations: the most recent first, as people expect of a message list
  const ops = items.filter((i) => i.kind === "operation");
  const convs = items.filter((i) => i.kind !== "operation").sort((a, b) => (b.lastMessageAt ?? "").localeCompare(a.lastMessageAt ?? ""));
  return [...ops, ...convs];
}

/** The sidebar: every channel the actor can read, operations' first, then conversations by recency. */
export async function listChannels(deps: ServiceDeps, { actor }: { actor: Actor }): Promise<ChannelListItem[]> {
  if (!actor.id) throw Forbidden();
  await ensureGeneralChannels(deps, actor);
  return channelItems(deps.db, actor.id);
}
