import { and, eq, isNull } from "drizzle-orm";
import { plannedActions } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Forbidden, NotFound } from "../errors";
import { getOperationForActor, isUuid } from "../operations/access";
import { parseInput, z } from "../validation";
import { findActionConflicts } from "./action-conflicts";
import { loadOwnAction } from "./list-planned-actions";
import { lockRegistrations } from "./record-hits";
import { conflictViews, hitsForConflicts } from "./register-planned-action";
import { plannedActionSchema } from "./schemas";
import { loadSettings } from "./settings";

/** The version the editor saw: an edit made on top of someone else's is refused, not silently merged. */
const versionSchema = z.object({ version: z.string().datetime({ offset: true }) });

async function editableAction(deps: ServiceDeps, actor: Actor, operationId: string, actionId: string) {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  if (!isUuid(actionId)) throw NotFound();
  const action = await loadOwnAction(deps.db, operationId, actionId);
  if (access.readOnlyReason) throw Forbidden("read_only");
  // a board card's action follows its card: a change here would be undone by the card's next save
  if (action.source === "board") throw Conflict("action_from_board");
  if (action.cancelledAt) throw Conflict("action_cancelled");
  return action;
}

/**
 * Moves or reschedules a planned action entered on the actions tab and checks it
 * again: pairs it newly meets become hits (both officers told); hits it already
 * has stay, marked on the action's page when the two no longer meet.
 */
export async function updatePlannedAction(
  deps: ServiceDeps,
  { actor, operationId, actionId, input }: { actor: Actor; operationId: string; actionId: string; input: unknown },
) {
  const before = await editableAction(deps, actor, operationId, actionId);
  const data = parseInput(plannedActionSchema, input);
  const { version } = parseInput(versionSchema, input);
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    await lockRegistrations(tx);
    // conditional update: of two editors of the same version, the second gets a Conflict
    const [row] = await tx
      .update(plannedActions)
      .set({ ...data, updatedAt: now })
      .where(and(eq(plannedActions.id, actionId), eq(plannedActions.updatedAt, new Date(version)), isNull(plannedActions.cancelledAt)))
      .returning();
    if (!row) throw Conflict("stale_action", { current: await loadOwnAction(tx, operationId, actionId) });
    const settings = await loadSettings(tx);
    const conflicts = await findActionConflicts(tx, data, { excludeOperationId: operationId, settings });
    const created = await hitsForConflicts(tx, emit, actor, now, { actionId, operationId, officerId: row.registeredBy, registeredAt: row.createdAt, kind: data.kind }, conflicts);
    await recordAudit(tx, actor, now, {
      action: "action.updated",
      targetType: "planned_action",
      targetId: actionId,
      operationId,
      details: {
        kind: data.kind,
        moved: before.lat !== data.lat || before.lon !== data.lon || before.radiusM !== data.radiusM,
        rescheduled: before.startsAt !== data.startsAt.toISOString() || before.endsAt !== data.endsAt.toISOString(),
        conflicts: conflicts.length,
        newHits: created.length,
      },
    });
    return { action: { id: actionId, kind: data.kind }, conflicts: await conflictViews(tx, conflicts), newHitIds: created };
  });
}

/** Cancels a planned action entered on the actions tab: kept (its hits name it), no longer checked against. */
export async function cancelPlannedAction(
  deps: ServiceDeps,
  { actor, operationId, actionId, input }: { actor: Actor; operationId: string; actionId: string; input: unknown },
) {
  await editableAction(deps, actor, operationId, actionId);
  const { version } = parseInput(versionSchema, input);
  const now = deps.now();
  return withTransaction(deps, async (tx) => {
    const [row] = await tx
      .update(plannedActions)
      .set({ cancelledAt: now, updatedAt: now })
      .where(and(eq(plannedActions.id, actionId), eq(plannedActions.updatedAt, new Date(version)), isNull(plannedActions.cancelledAt)))
      .returning({ kind: plannedActions.kind });
    if (!row) throw Conflict("stale_action", { current: await loadOwnAction(tx, operationId, actionId) });
    await recordAudit(tx, actor, now, { action: "action.cancelled", targetType: "planned_action", targetId: actionId, operationId, details: { kind: row.kind } });
    return { id: actionId };
  });
}
