import type { Tx } from "../../../db/client";
import type { Actor, ServiceDeps } from "../context";
import { syncFromTask } from "../deconfliction/sync-from-task";
import { Conflict, isDomainError } from "../errors";
import type { DomainEvent, EventBus } from "../events";

/**
 * Mirrors a planned-action card into event deconfliction inside the card's own
 * transaction (docs/decisions/007-planned-action-cards-deconflicted-in-one-transaction.md):
 * the card change and its deconfliction record commit together or not at all, so the
 * index is never silently out of step. syncFromTask opens a nested transaction (a
 * savepoint) on `tx`; its events join the card's queue and are published after the
 * outer commit, like every other event.
 */
export async function syncPlannedAction(deps: ServiceDeps, tx: Tx, emit: (e: DomainEvent) => void, actor: Actor, taskId: string): Promise<string[]> {
  const queued: EventBus = { publish: emit, subscribe: () => () => undefined };
  try {
    const result = await syncFromTask({ ...deps, db: tx, events: queued }, { actor, input: { taskId } });
    return result.newHitIds;
  } catch (err) {
    if (isDomainError(err)) throw err;
    // the card change rolls back with it: the user is told the check could not run, nothing half-saved
    throw Object.assign(Conflict("deconfliction_unavailable"), { cause: err });
  }
}
