import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { channelMembers, channels, users } from "../../../db/schema/index";
import { recordAudit, rowsOf } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden, Invalid } from "../errors";
import { parseInput } from "../validation";
import { openConversationSchema } from "./schemas";
import { channelChanged } from "./support";

const directKeyOf = (a: string, b: string) => [a, b].sort().join(":");

/**
 * A direct conversation with one other user (one per pair, whoever opens it) or a
 * small group with several. Opening an existing one returns it.
 */
export async function openConversation(
  deps: ServiceDeps,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<{ channelId: string; created: boolean }> {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  const me = actor.id;
  const data = parseInput(openConversationSchema, input);
  const others = data.userIds.filter((id) => id !== me);
  if (others.length === 0) throw Invalid({ userIds: ["validation.choose_one"] });
  const active = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, others), isNull(users.disabledAt)));
  if (active.length !== others.length) throw Invalid({ userIds: ["validation.choose_valid"] });
  const people = [me, ...others].sort();
  const now = deps.now();

  if (others.length === 1) {
    const directKey = directKeyOf(me, others[0]!);
    const [existing] = await deps.db.select({ id: channels.id }).from(channels).where(eq(channels.directKey, directKey));
    if (existing) return { channelId: existing.id, created: false };
    return withTransaction(deps, async (tx, emit) => {
      // two people opening their conversation at once: the unique key keeps one
      const [row] = await tx
        .insert(channels)
        .values({ kind: "direct", directKey, createdBy: me, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning({ id: channels.id });
      if (!row) {
        const [found] = await tx.select({ id: channels.id }).from(channels).where(eq(channels.directKey, directKey));
        return { channelId: found!.id, created: false };
      }
      await tx.insert(channelMembers).values(people.map((userId) => ({ channelId: row.id, userId, addedBy: me, createdAt: now })));
      await recordAudit(tx, actor, now, {
        action: "chat.conversation_opened",
        targetType: "channel",
        targetId: row.id,
        details: { kind: "direct", userIds: people },
      });
      emit(channelChanged([row.id], people));
      return { channelId: row.id, created: true };
    });
  }

  // a group with exactly these people already: reuse it rather than split the conversation
  const wanted = sql`array[${sql.join(
    people.map((id) => sql`${id}`),
    sql`, `,
  )}]::text[]`;
  const same = rowsOf<{ id: string }>(
    await deps.db.execute(sql`
      select c.id from channels c
      where c.kind = 'group'
        and exists (select 1 from channel_members cm where cm.channel_id = c.id and cm.user_id = ${me})
        and (select array_agg(cm.user_id order by cm.user_id collate "C") from channel_members cm where cm.channel_id = c.id) = ${wanted}
      order by c.created_at limit 1`),
  );
  if (same[0]) return { channelId: same[0].id, created: false };
  return withTransaction(deps, async (tx, emit) => {
    const [row] = await tx.insert(channels).values({ kind: "group", createdBy: me, createdAt: now, updatedAt: now }).returning({ id: channels.id });
    await tx.insert(channelMembers).values(people.map((userId) => ({ channelId: row!.id, userId, addedBy: me, createdAt: now })));
    await recordAudit(tx, actor, now, {
      action: "chat.conversation_opened",
      targetType: "channel",
      targetId: row!.id,
      details: { kind: "group", userIds: people },
    });
    emit(channelChanged([row!.id], people));
    return { channelId: row!.id, created: true };
  });
}
