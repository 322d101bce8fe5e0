// Reading and working hits. Need-to-know: a hit exists for a user only while
// they are a member of one of its two operations; each side sees its own
// registration and the other side's point of contact, nothing of the other case.
import { and, asc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { hits, operationMembers, operations, plannedActions, targets, users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { systemActor, withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Forbidden, NotFound } from "../errors";
import { notify } from "../notifications/notify";
import { isUuid, operationReadOnlyReason } from "../operations/access";
import { parseInput } from "../validation";
import { contactsOf, type PointOfContact } from "./contacts";
import { hitIdSchema, listHitsSchema, updateHitStatusSchema } from "./schemas";
import { loadSettings } from "./settings";
import type { HitOutcome, HitStatus } from "./vocabulary";

type HitRow = typeof hits.$inferSelect;

export interface HitView {
  id: string;
  kind: "target" | "event";
  identifierKind: string | null;
  score: number;
  reasons: unknown[];
  status: HitStatus;
  outcome: HitOutcome | null;
  resolutionNote: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  escalatedAt: string | null;
  /** the viewer's side: their operation and their own registration */
  mine: { operationId: string; operationCodeName: string; targetId: string | null; actionId: string | null; display: string | null; actionKind: string | null; registeredAt: string };
  /** the other side: when it was registered and whom to call; never its operation or content */
  other: { registeredAt: string; contact: PointOfContact };
}

/** The operations of the actor's memberships among these ids. */
async function memberOf(db: DbOrTx, userId: string, operationIds: string[]) {
  const rows = await db
    .select({ operationId: operationMembers.operationId, role: operationMembers.role })
    .from(operationMembers)
    .where(and(eq(operationMembers.userId, userId), inArray(operationMembers.operationId, operationIds)));
  return new Map(rows.map((r) => [r.operationId, r.role]));
}

function memberSql(userId: string, column: typeof hits.aOperationId | typeof hits.bOperationId) {
  return sql`exists (select 1 from ${operationMembers} m where m.operation_id = ${column} and m.user_id = ${userId})`;
}

async function views(db: DbOrTx, userId: string, rows: HitRow[]): Promise<HitView[]> {
  if (rows.length === 0) return [];
  const mineA = await memberOf(db, userId, rows.map((r) => r.aOperationId));
  const sides = rows.map((r) => (mineA.has(r.aOperationId) ? ("a" as const) : ("b" as const)));
  const own = rows.map((r, i) => (sides[i] === "a" ? { op: r.aOperationId, target: r.aTargetId, action: r.aActionId, at: r.aRegisteredAt } : { op: r.bOperationId, target: r.bTargetId, action: r.bActionId, at: r.bRegisteredAt }));
  const otherOfficers = rows.map((r, i) => (sides[i] === "a" ? r.bOfficerId : r.aOfficerId));
  const targetIds = own.map((o) => o.target).filter((x): x is string => !!x);
  const actionIds = own.map((o) => o.action).filter((x): x is string => !!x);
  const [ops, tRows, aRows, contacts] = await Promise.all([
    db.select({ id: operations.id, codeName: operations.codeName }).from(operations).where(inArray(operations.id, [...new Set(own.map((o) => o.op))])),
    targetIds.length ? db.select({ id: targets.id, display: targets.display }).from(targets).where(inArray(targets.id, targetIds)) : [],
    actionIds.length ? db.select({ id: plannedActions.id, kind: plannedActions.kind }).from(plannedActions).where(inArray(plannedActions.id, actionIds)) : [],
    contactsOf(db, otherOfficers),
  ]);
  const opName = new Map(ops.map((o) => [o.id, o.codeName]));
  const display = new Map(tRows.map((t) => [t.id, t.display]));
  const actionKind = new Map(aRows.map((a) => [a.id, a.kind]));
  return rows.map((r, i) => {
    const o = own[i]!;
    const otherAt = sides[i] === "a" ? r.bRegisteredAt : r.aRegisteredAt;
    return {
      id: r.id,
      kind: r.kind as HitView["kind"],
      identifierKind: r.identifierKind,
      score: Math.round(r.score * 1000) / 1000,
      reasons: r.reasons,
      status: r.status as HitStatus,
      outcome: r.outcome as HitOutcome | null,
      resolutionNote: r.resolutionNote,
      createdAt: r.createdAt.toISOString(),
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      escalatedAt: r.escalatedAt?.toISOString() ?? null,
      mine: {
        operationId: o.op,
        operationCodeName: opName.get(o.op) ?? "",
        targetId: o.target,
        actionId: o.action,
        display: o.target ? (display.get(o.target) ?? null) : null,
        actionKind: o.action ? (actionKind.get(o.action) ?? null) : null,
        registeredAt: o.at.toISOString(),
      },
      other: { registeredAt: otherAt.toISOString(), contact: contacts.get(otherOfficers[i]!)! },
    };
  });
}

/** The same reading for callers that select hit rows themselves (a target's own hits). */
export const hitViews = views;

export const HITS_PAGE_SIZE = 50;

/** Hits of the actor's operations: open ones first, oldest first. */
export async function listHits(deps: ServiceDeps, { actor, input }: { actor: Actor; input?: unknown }) {
  if (!actor.id) throw Forbidden();
  const { page, status, kind, operation } = parseInput(listHitsSchema, input ?? {});
  const visible = or(memberSql(actor.id, hits.aOperationId), memberSql(actor.id, hits.bOperationId));
  const where = and(
    visible,
    status === "open" ? ne(hits.status, "resolved") : status ? eq(hits.status, status) : undefined,
    kind === "event" ? eq(hits.kind, "event") : kind ? eq(hits.identifierKind, kind) : undefined,
    operation ? or(eq(hits.aOperationId, operation), eq(hits.bOperationId, operation)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(hits)
      .where(where)
      .orderBy(sql`(${hits.status} = 'resolved')`, asc(hits.createdAt), asc(hits.id))
      .limit(HITS_PAGE_SIZE)
      .offset((page - 1) * HITS_PAGE_SIZE),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(hits).where(where),
  ]);
  return { items: await views(deps.db, actor.id, rows), total: Number(total?.n ?? 0), page, pageSize: HITS_PAGE_SIZE };
}

async function hitForActor(db: DbOrTx, actor: Actor, hitId: string): Promise<HitRow> {
  if (!actor.id || !isUuid(hitId)) throw NotFound();
  const [row] = await db
    .select()
    .from(hits)
    .where(and(eq(hits.id, hitId), or(memberSql(actor.id, hits.aOperationId), memberSql(actor.id, hits.bOperationId))));
  if (!row) throw NotFound();
  return row;
}

export async function getHit(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  const { hitId } = parseInput(hitIdSchema, input);
  const row = await hitForActor(deps.db, actor, hitId);
  return (await views(deps.db, actor.id!, [row]))[0]!;
}

const ORDER: Record<HitStatus, number> = { new: 0, acknowledged: 1, in_contact: 2, resolved: 3 };
const AUDIT = { acknowledged: "hit.acknowledged", in_contact: "hit.status_changed", resolved: "hit.resolved" } as const;

/**
 * Moves a hit forward (acknowledged → in contact → resolved with an outcome).
 * Either side's writing members may; a step back or a repeat is a Conflict.
 */
export async function updateHitStatus(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  const data = parseInput(updateHitStatusSchema, input);
  const now = deps.now();
  await withTransaction(deps, async (tx) => {
    // row lock: two officers acting at once see each other's step
    const [locked] = await tx.select({ id: hits.id }).from(hits).where(eq(hits.id, (await hitForActor(tx, actor, data.hitId)).id)).for("update");
    const row = await hitForActor(tx, actor, locked!.id);
    const roles = await memberOf(tx, actor.id!, [row.aOperationId, row.bOperationId]);
    const ops = await tx.select().from(operations).where(inArray(operations.id, [...roles.keys()]));
    const writable = ops.find((op) => roles.get(op.id) !== "observer" && !operationReadOnlyReason(op, now));
    if (!writable) throw Forbidden("read_only");
    if (ORDER[data.status] <= ORDER[row.status as HitStatus]) throw Conflict("hit_status_not_forward", { status: row.status });
    await tx
      .update(hits)
      .set({
        status: data.status,
        updatedAt: now,
        acknowledgedAt: row.acknowledgedAt ?? now,
        ...(data.status === "resolved" ? { outcome: data.outcome, resolutionNote: data.note, resolvedAt: now } : {}),
      })
      .where(eq(hits.id, row.id));
    await recordAudit(tx, actor, now, {
      action: AUDIT[data.status],
      targetType: "hit",
      targetId: row.id,
      operationId: writable.id,
      details: { from: row.status, to: data.status, ...(data.status === "resolved" ? { outcome: data.outcome } : {}) },
    });
  });
  return getHit(deps, { actor, input: { hitId: data.hitId } });
}

/**
 * Flags hits nobody acknowledged within the configured hours and tells the
 * office leads (that a hit waits, not what it is about). Run by the server on
 * an interval; each hit is escalated once.
 */
export async function escalateOverdueHits(deps: ServiceDeps, { now = deps.now() }: { now?: Date } = {}) {
  return withTransaction(deps, async (tx, emit) => {
    const settings = await loadSettings(tx);
    const cutoff = new Date(now.getTime() - settings.escalationHours * 3_600_000);
    const overdue = await tx
      .update(hits)
      .set({ escalatedAt: now })
      .where(and(eq(hits.status, "new"), isNull(hits.escalatedAt), lt(hits.createdAt, cutoff)))
      .returning({ id: hits.id, kind: hits.kind });
    if (overdue.length === 0) return { escalated: 0 };
    const leads = await tx.select({ id: users.id }).from(users).where(and(eq(users.officeRole, "office_lead"), isNull(users.disabledAt)));
    const actor = systemActor("deconfliction-escalation");
    for (const h of overdue) {
      await notify(
        tx,
        emit,
        null,
        leads.map((l) => ({
          userId: l.id,
          kind: "deconfliction_escalated" as const,
          subjectType: "hit",
          subjectId: h.id,
          data: { hitKind: h.kind, hours: settings.escalationHours },
          dedupeKey: `deconfliction_escalated:${h.id}`,
        })),
      );
      await recordAudit(tx, actor, now, { action: "hit.escalated", targetType: "hit", targetId: h.id, details: { hours: settings.escalationHours, leadsNotified: leads.length } });
    }
    return { escalated: overdue.length };
  });
}
