// How the administration routes answer a DomainError. Server-only: loaders and actions use it.
import type { AppLoadContext } from "@remix-run/node";
import { isDomainError } from "../../domain/errors";

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
  if (isDomainError(err)) {
    if (err.code === "invalid") return { status: 400, formErrors: err.fields._form ?? [], fieldErrors: err.fields };
    if (err.code === "conflict") return { status: 409, formErrors: [err.message.includes(":") ? err.message : `errors.${err.message}`], fieldErrors: {} };
  }
  throw responseFor(err);
}

export function responseFor(err: unknown): unknown {
  if (isDomainError(err)) {
    if (err.code === "not_found") return new Response("Not Found", { status: 404 });
    if (err.code === "forbidden" || err.code === "unauthenticated") return new Response("Forbidden", { status: 403 });
  }
  return err;
}

/** Runs a loader's service call, turning domain refusals into the matching HTTP responses. */
export async function orNotFound<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw responseFor(err);
  }
}

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
