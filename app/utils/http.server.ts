import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import { isDomainError } from "../domain/errors";

interface Replyable {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean }): SubmissionResult<string[]>;
}

/**
 * Translates a domain error once: field errors become a 400 with the form's
 * errors, a conflict a 409, a missing or hidden record a 404, a refusal a 403.
 * Anything else is a bug and propagates (500).
 */
export function replyWithError(submission: Replyable, err: unknown) {
  if (!isDomainError(err)) throw err;
  switch (err.code) {
    case "invalid":
      return json(submission.reply({ fieldErrors: err.fields, formErrors: err.fields._form }), { status: 400 });
    case "conflict":
      return json(submission.reply({ formErrors: [`errors.${err.message}`] }), { status: 409 });
    case "rate_limited":
      return json(submission.reply({ formErrors: ["errors.rate_limited"] }), { status: 429 });
    case "not_found":
      throw new Response("Not Found", { status: 404 });
    case "forbidden":
    case "unauthenticated":
      throw new Response("Forbidden", { status: 403 });
  }
}

/** For JSON endpoints: a DomainError as { code, message, fields } with its status. */
export function jsonError(err: unknown) {
  if (!isDomainError(err)) throw err;
  const status = { invalid: 400, conflict: 409, not_found: 404, forbidden: 403, unauthenticated: 401, rate_limited: 429 }[err.code];
  return json({ error: { code: err.code, message: err.message, fields: err.fields } }, { status });
}

/** Throws a 404 unless the value is present: loaders use it for optional lookups. */
export function notFoundUnless<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Response("Not Found", { status: 404 });
  return value;
}
