export type DomainErrorCode = "not_found" | "forbidden" | "conflict" | "invalid" | "unauthenticated" | "rate_limited";

/**
 * The one error type domain code throws. `fields` carries per-field messages
 * (i18n keys) for forms; `params` feeds the translated message.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly fields: Record<string, string[]> = {},
    public readonly params: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const NotFound = (what = "not_found") => new DomainError("not_found", what);
export const Forbidden = (why = "forbidden") => new DomainError("forbidden", why);
export const Conflict = (why = "conflict", params: Record<string, unknown> = {}) =>
  new DomainError("conflict", why, {}, params);
export const Invalid = (fields: Record<string, string[]>, message = "invalid") =>
  new DomainError("invalid", message, fields);
export const Unauthenticated = (why = "unauthenticated") => new DomainError("unauthenticated", why);
export const RateLimited = (why = "rate_limited") => new DomainError("rate_limited", why);

const CODES = new Set<DomainErrorCode>(["not_found", "forbidden", "conflict", "invalid", "unauthenticated", "rate_limited"]);

/**
 * Not `instanceof`: the custom server and the Remix build are two bundles, so a
 * DomainError thrown by a service is not an instance of the route bundle's class.
 */
export function isDomainError(e: unknown): e is DomainError {
  if (!(e instanceof Error) || e.name !== "DomainError") return false;
  const { code, fields } = e as Partial<DomainError>;
  return CODES.has(code as DomainErrorCode) && typeof fields === "object" && fields !== null;
}
