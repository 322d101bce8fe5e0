// How the administration routes answer a DomainError. Server-only: loaders and actions use it.
import type { AppLoadContext } from "@remix-run/node";
import { isDomainError } from "../../domain/errors";
import { formRefusal, orNotFound, responseFor } from "../../utils/http.server";

export interface AdminRefusal {
  status: 400 | 409;
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}

/**
 * Bad input becomes field errors (400), a refused change its translated reason
 * (409: the administration namespace's keys come whole, "admin:errors.last_admin");
 * a missing record is the 404 page, a refusal the 403 page; anything else propagates.
 */
export function adminRefusal(err: unknown): AdminRefusal {
  const r = formRefusal(err);
  if (r.status !== 400 && r.status !== 409) throw responseFor(err);
  return { status: r.status, formErrors: r.formErrors, fieldErrors: r.fieldErrors };
}

export { orNotFound, responseFor };

/** Where a one-time link points: PUBLIC_ORIGIN when configured, else the origin the administrator used. */
export function inviteLink(request: Request, context: AppLoadContext, token: string): string {
  const configured = context.services.deps.config.publicOrigin;
  const origin = configured ? new URL(configured).origin : new URL(request.url).origin;
  return `${origin}/invite/${token}`;
}

/** Every IANA zone the server knows, for the time-zone fields (sent by the loader so server and browser agree). */
export function timeZoneChoices(current?: string): string[] {
  const zones = new Set<string>(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  if (current) zones.add(current);
  return [...zones].sort();
}

/**
 * The public set-password page's reading of a refusal: the link is not valid
 * (one answer for unknown, used, revoked, expired), or the password was refused.
 */
export function acceptRefusal(err: unknown): { invalidLink: true } | { invalidLink: false; fieldErrors: Record<string, string[]> } {
  if (isDomainError(err) && err.code === "not_found") return { invalidLink: true };
  if (isDomainError(err) && err.code === "invalid") return { invalidLink: false, fieldErrors: err.fields };
  throw err;
}
