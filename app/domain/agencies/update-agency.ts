import { eq } from "drizzle-orm";
import { agencies } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Invalid, NotFound } from "../errors";
import { isUniqueViolation } from "../office/db-errors";
import { assertAdministrator } from "../office/permissions";
import { parseInput } from "../validation";
import { AGENCY_NAME_TAKEN, agencyNameTaken } from "./create-agency";
import { isUuid } from "./get-agency";
import { updateAgencySchema } from "./schemas";

/** Same instant to the millisecond: the form carries the JavaScript (millisecond) form of updated_at. */
export const sameVersion = (a: Date, iso: string) => Math.floor(a.getTime()) === new Date(iso).getTime();

export async function updateAgency(deps: ServiceDeps, { actor, agencyId, input }: { actor: Actor; agencyId: string; input: unknown }) {
  assertAdministrator(actor);
  if (!isUuid(agencyId)) throw NotFound();
  const { version, ...data } = parseInput(updateAgencySchema, input);
  try {
    return await withTransaction(deps, async (tx) => {
      const [before] = await tx.select().from(agencies).where(eq(agencies.id, agencyId)).for("update");
      if (!before) throw NotFound();
      if (version && !sameVersion(before.updatedAt, version)) throw Conflict("conflict");
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const k of ["name", "country", "kind"] as const) if (before[k] !== data[k]) changes[k] = { from: before[k], to: data[k] };
      if (Object.keys(changes).length === 0) return { changed: false as const, agency: before };
      if ((changes.name || changes.country) && (await agencyNameTaken(tx, data.name, data.country, agencyId))) {
        throw Invalid({ name: [AGENCY_NAME_TAKEN] });
      }
      const now = deps.now();
      const [after] = await tx.update(agencies).set({ ...data, updatedAt: now }).where(eq(agencies.id, agencyId)).returning();
      await recordAudit(tx, actor, now, { action: "agency.updated", targetType: "agency", targetId: agencyId, details: { changes } });
      return { changed: true as const, agency: after! };
    });
  } catch (err) {
    if (isUniqueViolation(err, "agencies_name_country_key")) throw Invalid({ name: [AGENCY_NAME_TAKEN] });
    throw err;
  }
}
