import { sql } from "drizzle-orm";
import { rowsOf } from "../audit/record-audit";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { readableChannelSql } from "./access";

/** Every channel the actor can read, with its last seq: what a socket watching the sidebar joins. */
export async function readableChannelIds(deps: ServiceDeps, { actor }: { actor: Actor }): Promise<{ channelId: string; lastSeq: number }[]> {
  if (!actor.id) throw Forbidden();
  const res = await deps.db.execute(sql`select c.id, c.last_seq from channels c where ${readableChannelSql("c", actor.id)} order by c.id`);
  return rowsOf<{ id: string; last_seq: string | number }>(res).map((r) => ({ channelId: r.id, lastSeq: Number(r.last_seq) }));
}
