import { sql } from "drizzle-orm";
import { rowsOf } from "../audit/record-audit";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { readableChannelSql } from "./access";
import { UNREAD_CAP } from "./list-channels";

/**
 * The top bar's chat badge: other people's unread messages over every channel the
 * actor can read and that is not archived, each channel counted up to UNREAD_CAP as
 * the sidebar counts it. The same readership rule as the channel list, one number
 * instead of the list. A general channel not created yet has no messages: nothing
 * is created here.
 */
export async function countUnreadChannels(deps: ServiceDeps, { actor }: { actor: Actor }): Promise<number> {
  if (!actor.id) throw Forbidden();
  const userId = actor.id;
  const res = await deps.db.execute(sql`
    select coalesce(sum(
      (select count(*) from (select 1 from messages m where m.channel_id = c.id and m.seq > coalesce(r.last_read_seq, 0)
        and m.author_id <> ${userId} and m.deleted_at is null limit ${UNREAD_CAP}) u)
    ), 0)::int as unread
    from channels c
    left join channel_reads r on r.channel_id = c.id and r.user_id = ${userId}
    where c.archived_at is null and c.last_seq > coalesce(r.last_read_seq, 0) and ${readableChannelSql("c", userId)}`);
  return Number(rowsOf<{ unread: number | string }>(res)[0]?.unread ?? 0);
}
