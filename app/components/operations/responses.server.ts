// How the operation routes answer a DomainError. Server-only: loaders and actions use it.
import type { DomainError } from "../../domain/errors";

/**
 * Structural, not instanceof: the services are built by the custom server and
 * the routes live in the Remix build, two bundles with two copies of the
 * DomainError class.
 */
function isDomainError(e: unknown): e is DomainError {
  return e instanceof Error && e.name === "DomainError" && typeof (e as { code?: unknown }).code === "string";
}

export interface RefusalReply {
  status: 400 | 403 | 409;
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
  /** On a stale version: the operation as it is now, to show beside the form. */
  current: unknown;
}

const FORM_REFUSALS: Record<string, string> = {
  read_only: "operations:errors.read_only",
  not_lead: "operations:errors.not_lead",
};
const CONFLICTS: Record<string, string> = {
  stale_version: "operations:errors.stale_version",
  last_lead: "operations:errors.last_lead",
};

/**
 * Errors a form can explain (bad input, read-only, not a lead, a conflict)
 * become a reply with a status; a missing or hidden operation becomes the 404
 * page, the same for both; anything else propagates.
 */
export function refusalReply(err: unknown): RefusalReply {
  if (isDomainError(err)) {
    switch (err.code) {
      case "invalid":
        return { status: 400, formErrors: err.fields._form ?? [], fieldErrors: err.fields, current: null };
      case "forbidden":
        if (FORM_REFUSALS[err.message]) return { status: 403, formErrors: [FORM_REFUSALS[err.message]!], fieldErrors: {}, current: null };
        break;
      case "conflict":
        return { status: 409, formErrors: [CONFLICTS[err.message] ?? "errors.conflict"], fieldErrors: {}, current: err.params.current ?? null };
    }
  }
  throw responseFor(err);
}

/** For loaders: NotFound -> 404, Forbidden -> 403; anything else is rethrown as is. */
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
