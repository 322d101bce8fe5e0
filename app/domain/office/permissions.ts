import type { Actor } from "../context";
import { Forbidden } from "../errors";

/**
 * The administration verbs: an office administrator, or the command line
 * (a system actor only server-side code can construct, never a request).
 */
export function assertAdministrator(actor: Actor): void {
  if (actor.kind === "system") return;
  if (actor.kind === "user" && actor.id && actor.officeRole === "admin") return;
  throw Forbidden();
}
