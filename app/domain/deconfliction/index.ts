// The deconfliction verbs, as services.ts binds them.
import { checkIdentifiers } from "./check-identifiers";
import { deleteTarget } from "./delete-target";
import { getEscalatedHit, listEscalatedHits } from "./escalated-hits";
import { escalateOverdueHits, getHit, listHits, updateHitStatus } from "./hits";
import { getTarget, listTargets } from "./list-targets";
import { bulkVerbs } from "./bulk/index";
import { getPlannedAction, listPlannedActions } from "./list-planned-actions";
import { checkPlannedAction, registerPlannedAction } from "./register-planned-action";
import { cancelPlannedAction, updatePlannedAction } from "./update-planned-action";
import { registerTarget } from "./register-target";
import { reindexDeconfliction } from "./reindex";
import { syncFromTask } from "./sync-from-task";
import { updateTarget } from "./update-target";
import { getSettings, updateSettings } from "./update-settings";
import { viewTarget } from "./view-target";

export const deconflictionVerbs = {
  registerTarget,
  listTargets,
  getTarget,
  viewTarget,
  updateTarget,
  deleteTarget,
  checkIdentifiers,
  registerPlannedAction,
  checkPlannedAction,
  listPlannedActions,
  getPlannedAction,
  updatePlannedAction,
  cancelPlannedAction,
  ...bulkVerbs,
  syncFromTask,
  listHits,
  getHit,
  updateHitStatus,
  escalateOverdueHits,
  listEscalatedHits,
  getEscalatedHit,
  getSettings,
  updateSettings,
  reindex: reindexDeconfliction,
};

export { syncFromTask };
