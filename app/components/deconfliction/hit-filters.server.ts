// The hit list's filters from the URL. Unknown values are dropped rather than
// refused: a stale bookmark shows the default list, not an error page.
import { IDENTIFIER_KINDS } from "../../domain/deconfliction/identifiers/kinds";
import { HIT_STATUSES } from "../../domain/deconfliction/vocabulary";
import { z } from "../../domain/validation";

const STATUS_FILTERS = ["open", "all", ...HIT_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const filtersSchema = z.object({
  status: z.enum(STATUS_FILTERS).catch("open"),
  kind: z.enum([...IDENTIFIER_KINDS, "event"]).or(z.literal("")).catch(""),
  operation: z.string().uuid().or(z.literal("")).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function hitFilters(url: URL) {
  const p = url.searchParams;
  const f = filtersSchema.parse({ status: p.get("status") ?? "open", kind: p.get("kind") ?? "", operation: p.get("operation") ?? "", page: p.get("page") ?? 1 });
  return { filters: f, input: { page: f.page, status: f.status === "all" ? "" : f.status, kind: f.kind, operation: f.operation } };
}

export { STATUS_FILTERS };
