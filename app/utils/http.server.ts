import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import { isDomainError } from "../domain/errors";

/** What a form shows for a domain error it can explain. */
export interface FormRefusal {
  status: 400 | 403 | 409 | 429;
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
  /** On a stale version: the record as it is now, to show beside the form. */
  current: unknown;
}

export interface RefusalKeys {
  /** Forbidden reasons a form explains (else the 403 page), reason -> i18n key. */
  forbidden?: Record<string, string>;
  /** Conflict reasons, reason -> i18n key; a reason that is already a namespaced key ("admin:errors.x") is used whole. */
  conflict?: Record<string, string>;
  /** Namespace for conflict reasons not listed: "<ns>:errors.<reason>"; without it, the generic conflict message. */
  namespace?: string;
}

/**
 * The one translation of domain errors for forms: bad input is a 400 with
 * field errors, a conflict a 409 with its reason, an explainable refusal a 403
 * with its reason, too many requests a 429. A missing or hidden record throws
 * the 404 page (the same for both), any other refusal the 403 page. Anything
 * that is not a domain error is a bug and propagates (500).
 */
export function formRefusal(err: unknown, keys: RefusalKeys = {}): FormRefusal {
  if (isDomainError(err)) {
    switch (err.code) {
      case "invalid":
        return { status: 400, formErrors: err.fields._form ?? [], fieldErrors: err.fields, current: null };
      case "conflict": {
        const reason = err.message;
        const key = keys.conflict?.[reason] ?? (reason.includes(":") ? reason : keys.namespace ? `${keys.namespace}:errors.${reason}` : "errors.conflict");
        return { status: 409, formErrors: [key], fieldErrors: {}, current: err.params.current ?? null };
      }
      case "rate_limited":
        return { status: 429, formErrors: ["errors.rate_limited"], fieldErrors: {}, current: null };
      case "forbidden": {
        const key = keys.forbidden?.[err.message];
        if (key) return { status: 403, formErrors: [key], fieldErrors: {}, current: null };
        break;
      }
    }
  }
  throw responseFor(err);
}

/** For loaders: NotFound -> the 404 page, Forbidden -> the 403 page; anything else unchanged. */
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

interface Replyable {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean }): SubmissionResult<string[]>;
}

/** formRefusal as a conform reply with its status, for the common form action. */
export function replyWithError(submission: Replyable, err: unknown, keys: RefusalKeys = {}) {
  const r = formRefusal(err, keys);
  return json(submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }), { status: r.status });
}

/** For JSON endpoints: a DomainError as { code, message, fields } with its status. */
export function jsonError(err: unknown) {
  if (!isDomainError(err)) throw err;
  const status = { invalid: 400, conflict: 409, not_found: 404, forbidden: 403, unauthenticated: 401, rate_limited: 429 }[err.code];
  return json({ error: { code: err.code, message: err.message, fields: err.fields } }, { status });
}
