import { notifications } from "../../../db/schema/index";
import type { DbOrTx } from "../../../db/client";
import type { DomainEvent } from "../events";
import type { NotificationKind } from "../vocabulary";

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  operationId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  actorId?: string | null;
  /** Small, display-only values (a task title, who did it); never another operation's content. */
  data?: Record<string, string | number | null>;
  /** Same key for the same user = one notification, however often it is raised. */
  dedupeKey?: string | null;
}

/**
 * Writes notifications inside the caller's transaction and queues one event for
 * the recipients, so they arrive after commit or not at all. Nobody is notified
 * of their own action.
 */
export async function notify(tx: DbOrTx, emit: (e: DomainEvent) => void, actorId: string | null, rows: NewNotification[]) {
  const wanted = rows.filter((r) => r.userId !== actorId);
  if (wanted.length === 0) return 0;
  const inserted = await tx
    .insert(notifications)
    .values(
      wanted.map((r) => ({
        userId: r.userId,
        kind: r.kind,
        operationId: r.operationId ?? null,
        subjectType: r.subjectType ?? null,
        subjectId: r.subjectId ?? null,
        actorId: r.actorId ?? actorId,
        data: r.data ?? {},
        dedupeKey: r.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.userId });
  const userIds = [...new Set(inserted.map((r) => r.userId))];
  if (userIds.length > 0) emit({ name: "notification.created", payload: { userIds } });
  return inserted.length;
}
