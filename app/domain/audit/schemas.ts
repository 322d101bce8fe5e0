// Form and filter schemas of the audit log, shared by routes (browser bundle) and services: zod only.
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "../vocabulary";
import { z } from "../validation";

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; the page states it. */
export const AUDIT_EXPORT_MAX = 50_000;
/** Counting stops here, so a broad filter over a large log stays cheap. */
export const AUDIT_COUNT_CAP = 10_000;

const calendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "validation.date");

const cursor = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The filters of the log as they appear in the URL. `from`/`to` are calendar dates in the reader's zone. */
export const auditFilterSchema = z
  .object({
    actor: z.string().trim().min(1).max(100).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    operation: z.string().trim().uuid().optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    before: cursor.optional(),
    after: cursor.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "validation.date_order" });

export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** The URL parameters that are filters (the cursor is not: it changes with every page). */
export const AUDIT_FILTER_KEYS = ["actor", "action", "operation", "outcome", "from", "to"] as const;

/** Reads the filter parameters of a URL, dropping empty ones (an "all" option submits ""). */
export function auditFilterParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...AUDIT_FILTER_KEYS, "before", "after"]) {
    const v = params.get(key);
    if (v !== null && v.trim() !== "") out[key] = v;
  }
  return out;
}
