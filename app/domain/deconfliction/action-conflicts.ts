import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { rowsOf } from "../audit/record-audit";
import type { DeconflictionSettings } from "./settings";

/** The largest radius a planned action may have; bounds the index prefilter. */
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
 * this one's. Great-circle distances in PostgreSQL (earthdistance): the
 * earth_box prefilter uses the GiST index on ll_to_earth(lat, lon), the exact
 * distance then decides; both work across the antimeridian and at the poles.
 * Windows are half-open: one that ends when the other starts does not overlap.
 */
export async function findActionConflicts(
  db: DbOrTx,
  place: ActionPlace,
  opts: { excludeOperationId: string; excludeActionId?: string | null; settings: DeconflictionSettings },
): Promise<ActionConflict[]> {
  const { eventBufferM: bufferM, eventBufferMinutes: bufferMin } = opts.settings;
  const reach = place.radiusM + MAX_ACTION_RADIUS_M + bufferM;
  const here = sql`ll_to_earth(${place.lat}::float8, ${place.lon}::float8)`;
  const starts = place.startsAt.toISOString();
  const ends = place.endsAt.toISOString();
  const result = await db.execute(sql`
    select pa.id, pa.operation_id, pa.kind, pa.registered_by, pa.created_at,
      earth_distance(${here}, ll_to_earth(pa.lat, pa.lon)) <= ${place.radiusM}::float8 + pa.radius_m as places_overlap,
      (pa.starts_at < ${ends}::timestamptz and ${starts}::timestamptz < pa.ends_at) as windows_overlap
    from planned_actions pa
    where pa.cancelled_at is null
      and pa.operation_id <> ${opts.excludeOperationId}::uuid
      and (${opts.excludeActionId ?? null}::uuid is null or pa.id <> ${opts.excludeActionId ?? null}::uuid)
      and earth_box(${here}, ${reach}::float8) @> ll_to_earth(pa.lat, pa.lon)
      and earth_distance(${here}, ll_to_earth(pa.lat, pa.lon)) <= ${place.radiusM}::float8 + pa.radius_m + ${bufferM}::float8
      and pa.starts_at < ${ends}::timestamptz + make_interval(mins => ${bufferMin}::int)
      and ${starts}::timestamptz < pa.ends_at + make_interval(mins => ${bufferMin}::int)
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
