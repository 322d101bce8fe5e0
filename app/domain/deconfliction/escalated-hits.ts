// The office lead's view of hits nobody acknowledged in time. Office leads watch
// the whole office without being members of every operation, so they see that
// a hit waits and whom to call on each side — never an operation or a target.
import { and, asc, eq, isNotNull, ne, sql } from "drizzle-orm";
import { hits } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden, NotFound } from "../errors";
import { isUuid } from "../operations/access";
import { parseInput, z } from "../validation";
import { contactsOf, type PointOfContact } from "./contacts";
import type { HitOutcome, HitStatus } from "./vocabulary";

export const ESCALATED_PAGE_SIZE = 50;

export interface EscalatedHitView {
  id: string;
  kind: "target" | "event";
  identifierKind: string | null;
  actionKinds: string[] | null;
  score: number;
  status: HitStatus;
  outcome: HitOutcome | null;
  createdAt: string;
  escalatedAt: string;
  /** the two officers to chase, the later registration's first */
  officers: PointOfContact[];
}

const mayWatch = (actor: Actor) => actor.kind === "user" && actor.officeRole === "office_lead";

const columns = {
  id: hits.id,
  kind: hits.kind,
  identifierKind: hits.identifierKind,
  actionKinds: hits.actionKinds,
  score: hits.score,
  status: hits.status,
  outcome: hits.outcome,
  createdAt: hits.createdAt,
  escalatedAt: hits.escalatedAt,
  aOfficerId: hits.aOfficerId,
  bOfficerId: hits.bOfficerId,
};
interface Row {
  id: string;
  kind: string;
  identifierKind: string | null;
  actionKinds: string[] | null;
  score: number;
  status: string;
  outcome: string | null;
  createdAt: Date;
  escalatedAt: Date | null;
  aOfficerId: string;
  bOfficerId: string;
}

async function toViews(deps: ServiceDeps, rows: Row[]): Promise<EscalatedHitView[]> {
  const contacts = await contactsOf(deps.db, rows.flatMap((r) => [r.aOfficerId, r.bOfficerId]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as EscalatedHitView["kind"],
    identifierKind: r.identifierKind,
    actionKinds: r.actionKinds,
    score: Math.round(r.score * 1000) / 1000,
    status: r.status as HitStatus,
    outcome: r.outcome as HitOutcome | null,
    createdAt: r.createdAt.toISOString(),
    escalatedAt: r.escalatedAt!.toISOString(),
    officers: [contacts.get(r.aOfficerId)!, contacts.get(r.bOfficerId)!],
  }));
}

/** Escalated hits not yet resolved, across the office, oldest first: office leads only. */
export async function listEscalatedHits(deps: ServiceDeps, { actor, input }: { actor: Actor; input?: unknown }) {
  if (!mayWatch(actor)) throw Forbidden();
  const { page } = parseInput(z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }), input ?? {});
  const where = and(isNotNull(hits.escalatedAt), ne(hits.status, "resolved"));
  const [rows, [total]] = await Promise.all([
    deps.db
      .select(columns)
      .from(hits)
      .where(where)
      .orderBy(asc(hits.createdAt), asc(hits.id))
      .limit(ESCALATED_PAGE_SIZE)
      .offset((page - 1) * ESCALATED_PAGE_SIZE),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(hits).where(where),
  ]);
  return { items: await toViews(deps, rows), total: Number(total?.n ?? 0), page, pageSize: ESCALATED_PAGE_SIZE };
}

/** One escalated hit as an office lead sees it (the escalation notification links here). */
export async function getEscalatedHit(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  if (!mayWatch(actor)) throw NotFound();
  const { hitId } = parseInput(z.object({ hitId: z.string() }), input);
  if (!isUuid(hitId)) throw NotFound();
  const rows = await deps.db
    .select(columns)
    .from(hits)
    .where(and(eq(hits.id, hitId), isNotNull(hits.escalatedAt)));
  if (rows.length === 0) throw NotFound();
  return (await toViews(deps, rows))[0]!;
}

