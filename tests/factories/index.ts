// Test data builders: every test creates its own rows through these.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { agencies, operationAgencies, operationMembers, operations, users } from "../../db/schema/index";
import { actorFor, loadCurrentUser } from "../../app/domain/auth/current-user";
import { hashPassword } from "../../app/domain/auth/passwords";
import type { Actor } from "../../app/domain/context";
import type { AgencyKind, MemberRole, OfficeRole } from "../../app/domain/vocabulary";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | null = null;
const testHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));
let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export async function createAgency(db: DbOrTx, over: Partial<{ name: string; country: string; kind: AgencyKind }> = {}) {
  const [row] = await db
    .insert(agencies)
    .values({ name: over.name ?? `Agency ${next()}`, country: over.country ?? "AT", kind: over.kind ?? "police" })
    .returning();
  return row!;
}

export async function createUser(
  db: DbOrTx,
  over: Partial<{ email: string; name: string; role: OfficeRole; agencyId: string; disabled: boolean; password: string | null; locale: string; timeZone: string }> = {},
) {
  const agencyId = over.agencyId ?? (await createAgency(db)).id;
  const id = randomUUID();
  const n = next();
  await db.insert(users).values({
    id,
    email: over.email ?? `user-${n}@example.test`,
    name: over.name ?? `User ${n}`,
    agencyId,
    officeRole: over.role ?? "officer",
    passwordHash: over.password === null ? null : over.password ? await hashPassword(over.password) : await testHash(),
    disabledAt: over.disabled ? new Date() : null,
    locale: over.locale ?? "en",
    timeZone: over.timeZone ?? "UTC",
  });
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

export async function actorOf(db: DbOrTx, userId: string): Promise<Actor> {
  const u = await loadCurrentUser(db, userId);
  if (!u) throw new Error(`no active user ${userId}`);
  return actorFor(u, "127.0.0.1");
}

export async function createOperation(
  db: DbOrTx,
  over: Partial<{ codeName: string; leadAgencyId: string; status: string; jitStart: string | null; jitEnd: string | null; members: [string, MemberRole][] }> = {},
) {
  const leadAgencyId = over.leadAgencyId ?? (await createAgency(db)).id;
  const [op] = await db
    .insert(operations)
    .values({
      codeName: over.codeName ?? `OP ${next()}`,
      summary: "Test operation",
      crimeAreas: ["migrant_smuggling"],
      leadAgencyId,
      jitReference: "JIT-TEST",
      jitStart: over.jitStart === undefined ? "2020-01-01" : over.jitStart,
      jitEnd: over.jitEnd === undefined ? "2099-12-31" : over.jitEnd,
      status: over.status ?? "active",
    })
    .returning();
  await db.insert(operationAgencies).values({ operationId: op!.id, agencyId: leadAgencyId });
  for (const [userId, role] of over.members ?? []) {
    await db.insert(operationMembers).values({ operationId: op!.id, userId, role });
  }
  return op!;
}
