// How the operation routes answer a DomainError: the shared mapping with the operations' reasons.
import { formRefusal, type FormRefusal } from "../../utils/http.server";

export { orNotFound, responseFor } from "../../utils/http.server";

export type RefusalReply = FormRefusal;

const KEYS = {
  forbidden: { read_only: "operations:errors.read_only", not_lead: "operations:errors.not_lead" },
  conflict: { stale_version: "operations:errors.stale_version", last_lead: "operations:errors.last_lead" },
};

/**
 * Errors a form can explain (bad input, read-only, not a lead, a conflict)
 * become a reply with a status; a missing or hidden operation becomes the 404
 * page, the same for both; anything else propagates.
 */
export function refusalReply(err: unknown): RefusalReply {
  return formRefusal(err, KEYS);
}
