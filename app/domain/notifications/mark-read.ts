import { and, eq, inArray, isNull } from "drizzle-orm";
import { notifications } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { parseInput } from "../validation";
import { markReadSchema } from "./schemas";

// Read markers are the recipient's own bookkeeping, not an exchange of
// information: they are not audited. Only the recipient's own rows change.
export async function markNotificationsRead(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  if (!actor.id) throw Forbidden();
  const { ids } = parseInput(markReadSchema, input);
  const changed = await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(and(eq(notifications.userId, actor.id), inArray(notifications.id, ids), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { changed: changed.length };
}

export async function markAllNotificationsRead(deps: ServiceDeps, { actor }: { actor: Actor }) {
  if (!actor.id) throw Forbidden();
  const changed = await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { changed: changed.length };
}
