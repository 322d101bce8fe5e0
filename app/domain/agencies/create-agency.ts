import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { agencies } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { isUniqueViolation } from "../office/db-errors";
import { assertAdministrator } from "../office/permissions";
import { parseInput } from "../validation";
import { agencyFormSchema } from "./schemas";

export const AGENCY_NAME_TAKEN = "admin:errors.agency_name_taken";

/** Is the name already used by another agency of that country (case-insensitively)? */
export async function agencyNameTaken(db: DbOrTx, name: string, country: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(sql`lower(${agencies.name}) = lower(${name})`, eq(agencies.country, country)));
  return rows.some((r) => r.id !== exceptId);
}

export async function createAgency(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  assertAdministrator(actor);
  const data = parseInput(agencyFormSchema, input);
  try {
    return await withTransaction(deps, async (tx) => {
      if (await agencyNameTaken(tx, data.name, data.country)) throw Invalid({ name: [AGENCY_NAME_TAKEN] });
      const now = deps.now();
      const [row] = await tx.insert(agencies).values({ ...data, createdAt: now, updatedAt: now }).returning();
      await recordAudit(tx, actor, now, {
        action: "agency.created",
        targetType: "agency",
        targetId: row!.id,
        details: { name: data.name, country: data.country, kind: data.kind },
      });
      return row!;
    });
  } catch (err) {
    // a concurrent create of the same name got there first
    if (isUniqueViolation(err, "agencies_name_country_key")) throw Invalid({ name: [AGENCY_NAME_TAKEN] });
    throw err;
  }
}
