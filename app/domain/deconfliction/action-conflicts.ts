import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { rowsOf } from "../audit/record-audit";
import type { DeconflictionSettings } from "./settings";

/** The largest radius a planned action may have. */
export const MAX_ACTION_RADIUS_M = 100_000;

export interface ActionPlace {
  kind: string;
  lat: number;
  lon: number;
  radiusM: number;
  startsAt: Date;
  endsAt: Date;
}

export interface ActionConflict {
  actionId: string;
  operationId: string;
  kind: string;
  registeredBy: string;
  registeredAt: Date;
  /** codes only: no distance, place or time of the other action */
  reasons: { code: "places_overlap" | "places_within_buffer" | "windows_overlap" | "windows_within_buffer" }[];
}

/**
 * Live planned actions of other operations whose circle (plus the spatial
 * buffer) meets this one's and whose window (widened by the time buffer) meets
 * this one's. Great-circle distances in PostgreSQL (earthdistance).
 *
 * The prefilter is what the GiST index on (earth_box(ll_to_earth(lat, lon),
 * radius_m), tstzrange(starts_at, ends_at)) of live actions answers: each
 * action's own box meets the box of this circle plus the buffer, and its
 * window meets the widened window. Both are implied by the exact tests below
 * (the point of the great circle between the centres that lies within the
 * other's radius is in both boxes), so they only narrow the search. A
 * prefilter on the centre alone would have to reach as far as the largest
 * radius anyone may enter (100 km): around a city that is every action of the
 * year, tens of thousands of rows per check. The exact distance and the
 * half-open windows then decide; both work across the antimeridian and at the
 * poles. A window that ends when the other starts does not overlap.
 */
export async function findActionConflicts(
  db: DbOrTx,
  place: ActionPlace,
  opts: { excludeOperationId: string; excludeActionId?: string | null; settings: DeconflictionSettings },
): Promise<ActionConflict[]> {
  const { eventBufferM: bufferM, eventBufferMinutes: bufferMin } = opts.settings;
  const here = sql`ll_to_earth(${place.lat}::float8, ${place.lon}::float8)`;
  const starts = place.startsAt.toISOString();
  const ends = place.endsAt.toISOString();
  const widen = sql`make_interval(mins => ${bufferMin}::int)`;
  const result = await db.execute(sql`
    select pa.id, pa.operation_id, pa.kind, pa.registered_by, pa.created_at,
      earth_distance(${here}, ll_to_earth(pa.lat, pa.lon)) <= ${place.radiusM}::float8 + pa.radius_m as places_overlap,
      (pa.starts_at < ${ends}::timestamptz and ${starts}::timestamptz < pa.ends_at) as windows_overlap
    from planned_actions pa
    where pa.cancelled_at is null
      and pa.operation_id <> ${opts.excludeOperationId}::uuid
      and (${opts.excludeActionId ?? null}::uuid is null or pa.id <> ${opts.excludeActionId ?? null}::uuid)
      and earth_box(ll_to_earth(pa.lat, pa.lon), pa.radius_m::float8) && earth_box(${here}, ${place.radiusM + bufferM}::float8)
      and tstzrange(pa.starts_at, pa.ends_at) && tstzrange(${starts}::timestamptz - ${widen}, ${ends}::timestamptz + ${widen})
      and earth_distance(${here}, ll_to_earth(pa.lat, pa.lon)) <= ${place.radiusM}::float8 + pa.radius_m + ${bufferM}::float8
      and pa.starts_at < ${ends}::timestamptz + ${widen}
      and ${starts}::timestamptz < pa.ends_at + ${widen}
    order by pa.created_at, pa.id`);
  type Row = { id: string; operation_id: string; kind: string; registered_by: string; created_at: string | Date; places_overlap: boolean; windows_overlap: boolean };
  return rowsOf<Row>(result).map((r) => ({
    actionId: r.id,
    operationId: r.operation_id,
    kind: r.kind,
    registeredBy: r.registered_by,
    registeredAt: new Date(r.created_at),
    reasons: [{ code: r.places_overlap ? "places_overlap" : "places_within_buffer" }, { code: r.windows_overlap ? "windows_overlap" : "windows_within_buffer" }],
  }));
}
