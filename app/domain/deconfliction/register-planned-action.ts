import { plannedActions } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { getOperationForActor } from "../operations/access";
import { parseInput } from "../validation";
import { findActionConflicts, type ActionConflict } from "./action-conflicts";
import { contactsOf } from "./contacts";
import { lockRegistrations, recordHits } from "./record-hits";
import { plannedActionSchema } from "./schemas";
import { loadSettings } from "./settings";
import type { DbOrTx, Tx } from "../../../db/client";
import type { DomainEvent } from "../events";

/** A conflict as the officer who asked sees it: why, when the other was registered, whom to call. */
export async function conflictViews(db: DbOrTx, conflicts: ActionConflict[]) {
  const contacts = await contactsOf(db, conflicts.map((c) => c.registeredBy));
  return conflicts.map((c) => ({ reasons: c.reasons, registeredAt: c.registeredAt.toISOString(), contact: contacts.get(c.registeredBy)! }));
}

export async function hitsForConflicts(
  tx: Tx,
  emit: (e: DomainEvent) => void,
  actor: Actor,
  now: Date,
  own: { actionId: string; operationId: string; officerId: string; registeredAt: Date; kind: string },
  conflicts: ActionConflict[],
) {
  return recordHits(
    tx,
    emit,
    actor,
    now,
    conflicts.map((c) => ({
      kind: "event" as const,
      actionKinds: [own.kind, c.kind],
      score: 1,
      reasons: c.reasons,
      a: { actionId: own.actionId, operationId: own.operationId, officerId: own.officerId, registeredAt: own.registeredAt },
      b: { actionId: c.actionId, operationId: c.operationId, officerId: c.registeredBy, registeredAt: c.registeredAt },
    })),
  );
}

/** Registers a planned action (raid, arrest, surveillance …) and checks it against every other operation's. */
export async function registerPlannedAction(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }) {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  if (access.readOnlyReason) throw Forbidden("read_only");
  const data = parseInput(plannedActionSchema, input);
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    await lockRegistrations(tx);
    const [row] = await tx
      .insert(plannedActions)
      .values({ operationId, ...data, registeredBy: actor.id!, createdAt: now, updatedAt: now })
      .returning();
    const settings = await loadSettings(tx);
    const conflicts = await findActionConflicts(tx, data, { excludeOperationId: operationId, settings });
    const created = await hitsForConflicts(tx, emit, actor, now, { actionId: row!.id, operationId, officerId: actor.id!, registeredAt: row!.createdAt, kind: data.kind }, conflicts);
    await recordAudit(tx, actor, now, {
      action: "action.registered",
      targetType: "planned_action",
      targetId: row!.id,
      operationId,
      details: { kind: data.kind, conflicts: conflicts.length, newHits: created.length },
    });
    return { action: { id: row!.id, kind: row!.kind }, conflicts: await conflictViews(tx, conflicts), newHitIds: created };
  });
}

/** The same check without registering: nothing stored but the audit row. */
export async function checkPlannedAction(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }) {
  // the settings are read while membership is checked; nothing is looked up before that answers
  const [, settings] = await Promise.all([getOperationForActor(deps.db, operationId, actor, deps.now()), loadSettings(deps.db)]);
  const data = parseInput(plannedActionSchema, input);
  // checking stores nothing: the lookup reads, and the contacts are read while the audit row commits
  const conflicts = await findActionConflicts(deps.db, data, { excludeOperationId: operationId, settings });
  const [views] = await Promise.all([
    conflictViews(deps.db, conflicts),
    withTransaction(deps, (tx) =>
      recordAudit(tx, actor, deps.now(), {
        action: "action.checked",
        targetType: "planned_action",
        operationId,
        details: { kind: data.kind, conflicts: conflicts.length, matchedActionIds: conflicts.map((c) => c.actionId) },
      }),
    ),
  ]);
  return { conflicts: views };
}
