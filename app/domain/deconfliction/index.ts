// The deconfliction verbs, as services.ts binds them.
import { checkIdentifiers } from "./check-identifiers";
import { checkPlannedAction, registerPlannedAction } from "./register-planned-action";
import { registerTarget } from "./register-target";
import { syncFromTask } from "./sync-from-task";

export const deconflictionVerbs = {
  registerTarget,
  checkIdentifiers,
  registerPlannedAction,
  checkPlannedAction,
  syncFromTask,
};

export { syncFromTask };
