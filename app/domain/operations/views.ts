// Read models shared by the operation verbs. They do no access check themselves:
// callers reach them only after getOperationForActor (members) or the admin check.
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { agencies, operationAgencies, operationMembers, operations, users } from "../../../db/schema/index";
import { Conflict, NotFound } from "../errors";
import type { AgencyKind, CrimeArea, MemberRole, OfficeRole, OperationStatus } from "../vocabulary";
import { isUuid, type OperationRow } from "./access";

export interface AgencyRef {
  id: string;
  name: string;
  country: string;
  kind: AgencyKind;
}

export interface OperationDetails {
  id: string;
  codeName: string;
  summary: string;
  crimeAreas: CrimeArea[];
  status: OperationStatus;
  version: number;
  jitReference: string | null;
  jitStart: string | null;
  jitEnd: string | null;
  createdAt: Date;
  updatedAt: Date;
  createdByName: string | null;
  leadAgency: AgencyRef;
  /** Participating agencies, the lead agency included, by country then name. */
  agencies: AgencyRef[];
  memberCount: number;
}

export async function loadOperationDetails(db: DbOrTx, op: OperationRow): Promise<OperationDetails> {
  const agencyRows = await db
    .select({ id: agencies.id, name: agencies.name, country: agencies.country, kind: agencies.kind })
    .from(operationAgencies)
    .innerJoin(agencies, eq(agencies.id, operationAgencies.agencyId))
    .where(eq(operationAgencies.operationId, op.id))
    .orderBy(asc(agencies.country), asc(agencies.name));
  const [lead] = await db
    .select({ id: agencies.id, name: agencies.name, country: agencies.country, kind: agencies.kind })
    .from(agencies)
    .where(eq(agencies.id, op.leadAgencyId));
  const [creator] = op.createdBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, op.createdBy)) : [];
  const [members] = await db.select({ n: count() }).from(operationMembers).where(eq(operationMembers.operationId, op.id));
  return {
    id: op.id,
    codeName: op.codeName,
    summary: op.summary,
    crimeAreas: op.crimeAreas as CrimeArea[],
    status: op.status as OperationStatus,
    version: op.version,
    jitReference: op.jitReference,
    jitStart: op.jitStart,
    jitEnd: op.jitEnd,
    createdAt: op.createdAt,
    updatedAt: op.updatedAt,
    createdByName: creator?.name ?? null,
    leadAgency: lead as AgencyRef,
    agencies: agencyRows as AgencyRef[],
    memberCount: Number(members?.n ?? 0),
  };
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  officeRole: OfficeRole;
  agencyName: string;
  agencyCountry: string;
  role: MemberRole;
  addedAt: Date;
  disabled: boolean;
}

export async function loadMembers(db: DbOrTx, operationId: string): Promise<MemberRow[]> {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      officeRole: users.officeRole,
      agencyName: agencies.name,
      agencyCountry: agencies.country,
      role: operationMembers.role,
      addedAt: operationMembers.addedAt,
      disabledAt: users.disabledAt,
    })
    .from(operationMembers)
    .innerJoin(users, eq(users.id, operationMembers.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(operationMembers.operationId, operationId));
  // Leads first, then members, then observers; by name within a role.
  const rank = { lead: 0, member: 1, observer: 2 } as Record<string, number>;
  return rows
    .map(({ disabledAt, ...r }) => ({ ...r, officeRole: r.officeRole as OfficeRole, role: r.role as MemberRole, disabled: disabledAt !== null }))
    .sort((a, b) => (rank[a.role] ?? 9) - (rank[b.role] ?? 9) || a.name.localeCompare(b.name));
}

export interface CandidateGroup {
  agency: { id: string; name: string; country: string };
  users: { id: string; name: string; officeRole: OfficeRole }[];
}

/** Active users who are not yet members, grouped by agency, for the add-member select. */
export async function loadCandidates(db: DbOrTx, operationId: string): Promise<CandidateGroup[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      officeRole: users.officeRole,
      agencyId: agencies.id,
      agencyName: agencies.name,
      agencyCountry: agencies.country,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(operationMembers, and(eq(operationMembers.userId, users.id), eq(operationMembers.operationId, operationId)))
    .where(sql`${users.disabledAt} is null and ${operationMembers.userId} is null`)
    .orderBy(asc(agencies.country), asc(agencies.name), asc(users.name));
  const groups = new Map<string, CandidateGroup>();
  for (const r of rows) {
    let g = groups.get(r.agencyId);
    if (!g) groups.set(r.agencyId, (g = { agency: { id: r.agencyId, name: r.agencyName, country: r.agencyCountry }, users: [] }));
    g.users.push({ id: r.id, name: r.name, officeRole: r.officeRole as OfficeRole });
  }
  return [...groups.values()];
}

/**
 * Locks the operation row for the rest of the transaction, so concurrent
 * membership changes and edits are serialised (e.g. two leads demoting each
 * other cannot both pass the last-lead check).
 */
export async function lockOperation(tx: DbOrTx, operationId: string): Promise<OperationRow> {
  if (!isUuid(operationId)) throw NotFound();
  const [row] = await tx.select().from(operations).where(eq(operations.id, operationId)).for("update");
  if (!row) throw NotFound();
  return row;
}

export async function leadCount(tx: DbOrTx, operationId: string): Promise<number> {
  const [r] = await tx
    .select({ n: count() })
    .from(operationMembers)
    .where(and(eq(operationMembers.operationId, operationId), eq(operationMembers.role, "lead")));
  return Number(r?.n ?? 0);
}

/** Throws Conflict carrying the current values when the client's version is stale. */
export async function assertVersion(row: OperationRow, version: number, current: () => Promise<unknown>): Promise<void> {
  if (row.version !== version) throw Conflict("stale_version", { current: await current() });
}

/** PostgreSQL unique violation (either driver; drizzle may wrap the driver's error). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Case-insensitive code-name lookup, the same rule as the unique index. */
export async function codeNameTaken(db: DbOrTx, codeName: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: operations.id })
    .from(operations)
    .where(and(sql`lower(${operations.codeName}) = lower(${codeName})`, exceptId ? ne(operations.id, exceptId) : undefined))
    .limit(1);
  return rows.length > 0;
}
