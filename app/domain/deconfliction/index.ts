// The deconfliction verbs, as services.ts binds them.
import { checkIdentifiers } from "./check-identifiers";
import { escalateOverdueHits, getHit, listHits, updateHitStatus } from "./hits";
import { getTarget, listTargets } from "./list-targets";
import { checkPlannedAction, registerPlannedAction } from "./register-planned-action";
import { registerTarget } from "./register-target";
import { syncFromTask } from "./sync-from-task";
import { getSettings, updateSettings } from "./update-settings";

export const deconflictionVerbs = {
  registerTarget,
  listTargets,
  getTarget,
  checkIdentifiers,
  registerPlannedAction,
  checkPlannedAction,
  syncFromTask,
  listHits,
  getHit,
  updateHitStatus,
  escalateOverdueHits,
  getSettings,
  updateSettings,
};

export { syncFromTask };
