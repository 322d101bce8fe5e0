// Reading an operation's planned actions and what each one met. Need-to-know:
// the operation is found through the reader's membership; of the other side of
// a conflict the reader learns whom to call, the other action's kind, how far
// apart the two centres are (rounded) and when the two windows overlap. Never
// the other operation, its place, its radius or its content (docs/decisions/
// 010-planned-action-conflict-disclosure.md).
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { plannedActions, tasks, users } from "../../../db/schema/index";
import { rowsOf } from "../audit/record-audit";
import type { Actor, ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { getOperationForActor, isUuid } from "../operations/access";
import { parseInput, z } from "../validation";
import type { PlannedActionKind } from "../vocabulary";
import { contactsOf, type PointOfContact } from "./contacts";
import { loadSettings } from "./settings";
import type { HitOutcome, HitStatus } from "./vocabulary";

/** Distances are shown to this precision: enough to judge, not a bearing-free pinpoint. */
export const DISTANCE_STEP_M = 50;
export const roundDistance = (m: number) => Math.round(m / DISTANCE_STEP_M) * DISTANCE_STEP_M;

export interface PlannedActionView {
  id: string;
  kind: PlannedActionKind;
  lat: number;
  lon: number;
  radiusM: number;
  startsAt: string;
  endsAt: string;
  /** "board": mirrored from a board card (edited there); "entered": entered on the actions tab */
  source: "board" | "entered";
  taskId: string | null;
  /** the card's address text, for actions mirrored from the board */
  address: string | null;
  registeredByName: string;
  cancelledAt: string | null;
  createdAt: string;
  /** the optimistic-concurrency token of edits */
  updatedAt: string;
  conflicts: number;
  openConflicts: number;
}

export interface ActionConflictView {
  hitId: string;
  status: HitStatus;
  outcome: HitOutcome | null;
  createdAt: string;
  /** [this action's kind, the other action's kind] */
  actionKinds: [PlannedActionKind, PlannedActionKind];
  contact: PointOfContact;
  /** between the two centres, rounded to DISTANCE_STEP_M */
  distanceM: number;
  placesOverlap: boolean;
  /** the part of both windows that overlaps, or null when they only come within the buffer */
  overlap: { startsAt: string; endsAt: string } | null;
  /** minutes between the windows when they do not overlap */
  gapMinutes: number;
  /** false once either side moved, rescheduled or cancelled its action out of reach */
  stillConflicts: boolean;
  otherCancelled: boolean;
}

const listSchema = z.object({ show: z.enum(["live", "all"]).default("live") });

const conflictCount = (open: boolean) =>
  sql<number>`(select count(*)::int from hits h where h.kind = 'event' and (h.a_action_id = ${plannedActions.id} or h.b_action_id = ${plannedActions.id})${open ? sql` and h.status <> 'resolved'` : sql``})`;

function selection() {
  return {
    id: plannedActions.id,
    kind: plannedActions.kind,
    lat: plannedActions.lat,
    lon: plannedActions.lon,
    radiusM: plannedActions.radiusM,
    startsAt: plannedActions.startsAt,
    endsAt: plannedActions.endsAt,
    taskId: plannedActions.taskId,
    address: tasks.placeAddress,
    registeredByName: users.name,
    cancelledAt: plannedActions.cancelledAt,
    createdAt: plannedActions.createdAt,
    updatedAt: plannedActions.updatedAt,
    conflicts: conflictCount(false),
    openConflicts: conflictCount(true),
  };
}

type Row = { [K in keyof ReturnType<typeof selection>]: unknown };
function view(r: Row): PlannedActionView {
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : new Date(String(d)).toISOString());
  return {
    id: r.id as string,
    kind: r.kind as PlannedActionKind,
    lat: Number(r.lat),
    lon: Number(r.lon),
    radiusM: Number(r.radiusM),
    startsAt: iso(r.startsAt),
    endsAt: iso(r.endsAt),
    source: r.taskId ? "board" : "entered",
    taskId: (r.taskId as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    registeredByName: r.registeredByName as string,
    cancelledAt: r.cancelledAt ? iso(r.cancelledAt) : null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    conflicts: Number(r.conflicts),
    openConflicts: Number(r.openConflicts),
  };
}

/** The operation's planned actions, soonest first; cancelled ones only when asked for. */
export async function listPlannedActions(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input?: unknown }) {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  const { show } = parseInput(listSchema, input ?? {});
  const where = show === "all" ? eq(plannedActions.operationId, operationId) : and(eq(plannedActions.operationId, operationId), isNull(plannedActions.cancelledAt));
  const rows = await deps.db
    .select(selection())
    .from(plannedActions)
    .innerJoin(users, eq(users.id, plannedActions.registeredBy))
    .leftJoin(tasks, eq(tasks.id, plannedActions.taskId))
    .where(where)
    .orderBy(sql`${plannedActions.cancelledAt} is not null`, plannedActions.startsAt, desc(plannedActions.createdAt));
  return { items: rows.map(view), show, canEdit: access.readOnlyReason === null, readOnlyReason: access.readOnlyReason };
}

export async function loadOwnAction(db: DbOrTx, operationId: string, actionId: string) {
  if (!isUuid(actionId)) throw NotFound();
  const [row] = await db
    .select(selection())
    .from(plannedActions)
    .innerJoin(users, eq(users.id, plannedActions.registeredBy))
    .leftJoin(tasks, eq(tasks.id, plannedActions.taskId))
    .where(and(eq(plannedActions.id, actionId), eq(plannedActions.operationId, operationId)));
  if (!row) throw NotFound();
  return view(row);
}

/** The conflicts (event hits) one of the operation's actions is part of, as its side may see them. */
export async function actionConflicts(db: DbOrTx, actionId: string): Promise<ActionConflictView[]> {
  const settings = await loadSettings(db);
  const result = await db.execute(sql`
    select h.id, h.status, h.outcome, h.created_at,
      case when h.a_action_id = me.id then h.b_officer_id else h.a_officer_id end as other_officer,
      me.kind as own_kind, o.kind as other_kind, o.cancelled_at is not null as other_cancelled,
      earth_distance(ll_to_earth(me.lat, me.lon), ll_to_earth(o.lat, o.lon)) as distance,
      earth_distance(ll_to_earth(me.lat, me.lon), ll_to_earth(o.lat, o.lon)) <= me.radius_m + o.radius_m as places_overlap,
      greatest(me.starts_at, o.starts_at) as overlap_start,
      least(me.ends_at, o.ends_at) as overlap_end,
      (me.cancelled_at is null and o.cancelled_at is null
        and earth_distance(ll_to_earth(me.lat, me.lon), ll_to_earth(o.lat, o.lon)) <= me.radius_m + o.radius_m + ${settings.eventBufferM}::float8
        and o.starts_at < me.ends_at + make_interval(mins => ${settings.eventBufferMinutes}::int)
        and me.starts_at < o.ends_at + make_interval(mins => ${settings.eventBufferMinutes}::int)) as still_conflicts
    from planned_actions me
    join hits h on h.kind = 'event' and (h.a_action_id = me.id or h.b_action_id = me.id)
    join planned_actions o on o.id = case when h.a_action_id = me.id then h.b_action_id else h.a_action_id end
    where me.id = ${actionId}::uuid
    order by (h.status = 'resolved'), h.created_at, h.id`);
  type R = {
    id: string;
    status: string;
    outcome: string | null;
    created_at: string | Date;
    other_officer: string;
    own_kind: string;
    other_kind: string;
    other_cancelled: boolean;
    distance: number | string;
    places_overlap: boolean;
    overlap_start: string | Date;
    overlap_end: string | Date;
    still_conflicts: boolean;
  };
  const rows = rowsOf<R>(result);
  const contacts = await contactsOf(db, rows.map((r) => r.other_officer));
  return rows.map((r) => {
    const start = new Date(r.overlap_start);
    const end = new Date(r.overlap_end);
    const overlaps = start < end;
    return {
      hitId: r.id,
      status: r.status as HitStatus,
      outcome: (r.outcome as HitOutcome | null) ?? null,
      createdAt: new Date(r.created_at).toISOString(),
      actionKinds: [r.own_kind as PlannedActionKind, r.other_kind as PlannedActionKind],
      contact: contacts.get(r.other_officer)!,
      distanceM: roundDistance(Number(r.distance)),
      placesOverlap: !!r.places_overlap,
      overlap: overlaps ? { startsAt: start.toISOString(), endsAt: end.toISOString() } : null,
      gapMinutes: overlaps ? 0 : Math.round((start.getTime() - end.getTime()) / 60_000),
      stillConflicts: !!r.still_conflicts,
      otherCancelled: !!r.other_cancelled,
    };
  });
}

/** One planned action of the operation with its conflicts; a member of the operation only. */
export async function getPlannedAction(deps: ServiceDeps, { actor, operationId, actionId }: { actor: Actor; operationId: string; actionId: string }) {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  const action = await loadOwnAction(deps.db, operationId, actionId);
  const settings = await loadSettings(deps.db);
  return {
    action,
    conflicts: await actionConflicts(deps.db, action.id),
    canEdit: access.readOnlyReason === null && action.source === "entered" && action.cancelledAt === null,
    readOnlyReason: access.readOnlyReason,
    buffers: { metres: settings.eventBufferM, minutes: settings.eventBufferMinutes },
  };
}
