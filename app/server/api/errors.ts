// Every refusal of the integration API has one JSON shape, whatever raised it.
import type { Response } from "express";
import { isDomainError, type DomainErrorCode } from "../../domain/errors";

export const API_ERROR_CODES = ["invalid", "unauthenticated", "forbidden", "not_found", "conflict", "rate_limited", "internal"] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const STATUS: Record<ApiErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

const MESSAGES: Record<ApiErrorCode, string> = {
  invalid: "The request is not valid.",
  unauthenticated: "Send a valid, unrevoked, unexpired API token as 'Authorization: Bearer <token>'.",
  forbidden: "This token or its acting account may not do this.",
  not_found: "No such resource, or the token's acting account may not see it.",
  conflict: "The request conflicts with the current state.",
  rate_limited: "Too many requests for this token; wait as Retry-After says.",
  internal: "Something went wrong on the server; the request was not completed.",
};

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; fields?: Record<string, string[]> };
}

export class ApiError extends Error {
  constructor(
    public readonly code: ApiErrorCode,
    message = MESSAGES[code],
    public readonly fields?: Record<string, string[]>,
    public readonly status = STATUS[code],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function sendError(res: Response, err: ApiError) {
  const body: ApiErrorBody = { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
  res.status(err.status).set("Cache-Control", "no-store").json(body);
}

/**
 * A service's DomainError as the API answers it. The reason a service gives
 * (an i18n key such as "read_only" or "hit_status_not_forward") follows the
 * sentence, so integrators can tell refusals apart without parsing prose.
 */
export function fromDomainError(err: unknown): ApiError | null {
  if (!isDomainError(err)) return null;
  const code: ApiErrorCode = (err.code satisfies DomainErrorCode) as ApiErrorCode;
  const reason = err.message && err.message !== err.code ? ` (${err.message})` : "";
  const fields = code === "invalid" && Object.keys(err.fields).length > 0 ? err.fields : undefined;
  return new ApiError(code, `${MESSAGES[code]}${reason}`, fields);
}
