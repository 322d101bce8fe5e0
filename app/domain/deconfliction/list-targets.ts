import { and, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import { hits, targets, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden, NotFound } from "../errors";
import { getOperationForActor, isUuid } from "../operations/access";
import { parseInput, z } from "../validation";
import type { HandlingCode } from "../vocabulary";
import { IDENTIFIER_KINDS, type IdentifierKind } from "./identifiers/kinds";

export const TARGETS_PAGE_SIZE = 50;
const listSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  kind: z.enum(IDENTIFIER_KINDS).optional().or(z.literal("").transform(() => undefined)),
  // searched in the owner's own display and note: members only, as the list itself
  q: z.string().trim().max(200).optional(),
});

const hitCount = sql<number>`(select count(*)::int from ${hits} h where h.a_target_id = ${targets.id} or h.b_target_id = ${targets.id})`;

/**
 * Partners refer and support victims: even as members of an operation they do not
 * read or register its targets (the office's intelligence), as they cannot query them.
 */
export function refuseNgoPartner(actor: Actor) {
  if (actor.officeRole === "ngo_partner") throw Forbidden();
}

/** The operation's registered targets, newest first, for its members only. */
export async function listTargets(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input?: unknown }) {
  await getOperationForActor(deps.db, operationId, actor, deps.now());
  refuseNgoPartner(actor);
  const { page, kind, q } = parseInput(listSchema, input ?? {});
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    eq(targets.operationId, operationId),
    kind ? eq(targets.kind, kind) : undefined,
    pattern ? or(ilike(targets.display, pattern), ilike(targets.note, pattern)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        id: targets.id,
        kind: targets.kind,
        display: targets.display,
        handlingCode: targets.handlingCode,
        registeredByName: users.name,
        createdAt: targets.createdAt,
        hits: hitCount,
      })
      .from(targets)
      .innerJoin(users, eq(users.id, targets.registeredBy))
      .where(where)
      .orderBy(desc(targets.createdAt), desc(targets.id))
      .limit(TARGETS_PAGE_SIZE)
      .offset((page - 1) * TARGETS_PAGE_SIZE),
    deps.db.select({ n: count() }).from(targets).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, kind: r.kind as IdentifierKind, handlingCode: r.handlingCode as HandlingCode, createdAt: r.createdAt.toISOString(), hits: Number(r.hits) })),
    total: Number(total?.n ?? 0),
    page,
    pageSize: TARGETS_PAGE_SIZE,
  };
}

/** One target with its raw input and note: members of its operation only. */
export async function getTarget(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }) {
  await getOperationForActor(deps.db, operationId, actor, deps.now());
  refuseNgoPartner(actor);
  const { targetId } = parseInput(z.object({ targetId: z.string() }), input);
  if (!isUuid(targetId)) throw NotFound();
  const [row] = await deps.db
    .select({
      id: targets.id,
      kind: targets.kind,
      raw: targets.raw,
      display: targets.display,
      note: targets.note,
      handlingCode: targets.handlingCode,
      registeredBy: targets.registeredBy,
      registeredByName: users.name,
      createdAt: targets.createdAt,
      hits: hitCount,
    })
    .from(targets)
    .innerJoin(users, eq(users.id, targets.registeredBy))
    .where(and(eq(targets.id, targetId), eq(targets.operationId, operationId)));
  if (!row) throw NotFound();
  return { ...row, kind: row.kind as IdentifierKind, handlingCode: row.handlingCode as HandlingCode, createdAt: row.createdAt.toISOString(), hits: Number(row.hits) };
}
