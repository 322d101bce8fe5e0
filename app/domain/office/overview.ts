import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { agencies, invitations, operations, rolePolicies, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { statusCondition } from "../users/list-users";
import { USER_STATUSES, type UserStatus } from "../users/schemas";
import { assertAdministrator } from "./permissions";

const n = (rows: { n: number | string }[]) => Number(rows[0]?.n ?? 0);

/** The counts on the administration landing page. Counts only: no operation content. */
export async function adminOverview(deps: ServiceDeps, { actor }: { actor: Actor }) {
  assertAdministrator(actor);
  const now = deps.now();
  const usersByStatus = {} as Record<UserStatus, number>;
  for (const s of USER_STATUSES) usersByStatus[s] = n(await deps.db.select({ n: count() }).from(users).where(statusCondition(s, now)));
  const usersTotal = Object.values(usersByStatus).reduce((a, b) => a + b, 0);
  const agenciesTotal = n(await deps.db.select({ n: count() }).from(agencies));
  const countries = n(await deps.db.select({ n: sql<number>`count(distinct ${agencies.country})::int` }).from(agencies));
  const pendingInvitations = n(
    await deps.db
      .select({ n: count() })
      .from(invitations)
      .where(and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now))),
  );
  const rolesRequiringTotp = n(await deps.db.select({ n: count() }).from(rolePolicies).where(eq(rolePolicies.requireTotp, true)));
  const operationsTotal = n(await deps.db.select({ n: count() }).from(operations));
  const operationsActive = n(await deps.db.select({ n: count() }).from(operations).where(eq(operations.status, "active")));
  return {
    users: { total: usersTotal, ...usersByStatus },
    agencies: { total: agenciesTotal, countries },
    invitations: { pending: pendingInvitations },
    policies: { rolesRequiringTotp },
    operations: { total: operationsTotal, active: operationsActive },
  };
}
