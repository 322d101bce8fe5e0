import { and, count, desc, eq, isNull, or, sql } from "drizzle-orm";
import { notifications, operationMembers, operations, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { parseInput } from "../validation";
import { readableChannelSql } from "../chat/access";
import { CHAT_SUBJECT } from "../chat/notify-readers";
import type { NotificationKind } from "../vocabulary";
import { NOTIFICATIONS_PAGE_SIZE, notificationListSchema } from "./schemas";

/**
 * Need-to-know in the query: a notification tied to an operation is shown only
 * while the recipient is still a member of it.
 */
function visibleTo(userId: string) {
  return and(
    eq(notifications.userId, userId),
    or(
      isNull(notifications.operationId),
      sql`exists (select 1 from ${operationMembers} m where m.operation_id = ${notifications.operationId} and m.user_id = ${userId})`,
    ),
    // chat notifications also need the channel itself to be readable (a channel's members, a conversation)
    or(
      sql`${notifications.subjectType} is distinct from ${CHAT_SUBJECT}`,
      sql`exists (select 1 from channels nc where nc.id::text = ${notifications.subjectId} and ${readableChannelSql("nc", userId)})`,
    ),
  );
}

export async function listNotifications(deps: ServiceDeps, { actor, input }: { actor: Actor; input?: unknown }) {
  if (!actor.id) throw Forbidden();
  const { page, unread } = parseInput(notificationListSchema, input ?? {});
  const where = unread ? and(visibleTo(actor.id), isNull(notifications.readAt)) : visibleTo(actor.id);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        operationId: notifications.operationId,
        operationCodeName: operations.codeName,
        subjectType: notifications.subjectType,
        subjectId: notifications.subjectId,
        actorName: users.name,
        data: notifications.data,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .leftJoin(operations, eq(operations.id, notifications.operationId))
      .leftJoin(users, eq(users.id, notifications.actorId))
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(NOTIFICATIONS_PAGE_SIZE)
      .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE),
    deps.db.select({ n: count() }).from(notifications).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, kind: r.kind as NotificationKind, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null })),
    total: Number(total?.n ?? 0),
    page,
    pageSize: NOTIFICATIONS_PAGE_SIZE,
    unreadOnly: unread,
  };
}

export async function countUnreadNotifications(deps: ServiceDeps, { actor }: { actor: Actor }) {
  if (!actor.id) return 0;
  const [row] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(visibleTo(actor.id), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}
