// Field-by-field differences for the operation.updated audit row.

export type Changes = Record<string, { before: unknown; after: unknown }>;

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000") : a === b;

/** The fields of `after` whose value differs from `before` (arrays compared as sets). */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
  const out: Changes = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (!same(before[key], after[key])) out[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return out;
}
