/**
 * True when a write failed on a unique index. postgres.js and PGlite both carry
 * the SQLSTATE as `code`; drizzle wraps them, so the cause is looked at too.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const o = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown };
    if (o.code === "23505") {
      if (!constraint) return true;
      const name = o.constraint ?? o.constraint_name;
      return name === constraint || (typeof o.message === "string" && o.message.includes(constraint));
    }
  }
  return false;
}
