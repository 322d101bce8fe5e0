import { inArray, sql } from "drizzle-orm";
import { rolePolicies } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { parseInput } from "../validation";
import { OFFICE_ROLES, type OfficeRole } from "../vocabulary";
import { assertAdministrator } from "./permissions";
import { rolePoliciesSchema } from "./schemas";

export interface RolePolicy {
  role: OfficeRole;
  requireTotp: boolean;
  updatedAt: string | null;
}

/** One row per office role; a role without a row requires nothing. */
export async function listRolePolicies(deps: ServiceDeps, { actor }: { actor: Actor }): Promise<RolePolicy[]> {
  assertAdministrator(actor);
  const rows = await deps.db.select().from(rolePolicies);
  const byRole = new Map(rows.map((r) => [r.role, r]));
  return OFFICE_ROLES.map((role) => {
    const r = byRole.get(role);
    return { role, requireTotp: r?.requireTotp ?? false, updatedAt: r?.updatedAt.toISOString() ?? null };
  });
}

/**
 * Which office roles must enrol a second factor. The input lists the roles that
 * must; every other role need not. Only real changes are written and audited.
 */
export async function setRolePolicies(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  assertAdministrator(actor);
  const { requireTotp } = parseInput(rolePoliciesSchema, input);
  const wanted = new Set<OfficeRole>(requireTotp);
  return withTransaction(deps, async (tx) => {
    const rows = await tx.select().from(rolePolicies).where(inArray(rolePolicies.role, [...OFFICE_ROLES])).for("update");
    const current = new Map(rows.map((r) => [r.role, r.requireTotp]));
    const changes: Record<string, { from: boolean; to: boolean }> = {};
    for (const role of OFFICE_ROLES) {
      const from = current.get(role) ?? false;
      const to = wanted.has(role);
      if (from !== to) changes[role] = { from, to };
    }
    if (Object.keys(changes).length === 0) return { changed: false as const, changes };
    const now = deps.now();
    await tx
      .insert(rolePolicies)
      .values(Object.entries(changes).map(([role, c]) => ({ role, requireTotp: c.to, updatedAt: now })))
      .onConflictDoUpdate({ target: rolePolicies.role, set: { requireTotp: sql`excluded.require_totp`, updatedAt: now } });
    await recordAudit(tx, actor, now, { action: "office.policy_changed", targetType: "role_policy", details: { requireTotp: changes } });
    return { changed: true as const, changes };
  });
}
