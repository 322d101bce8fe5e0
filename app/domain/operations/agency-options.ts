import { asc } from "drizzle-orm";
import { agencies } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import type { AgencyKind } from "../vocabulary";

/** Every agency of the office, for the lead/participating agency pickers (the office's directory, not operation content). */
export async function listAgencyOptions(deps: ServiceDeps, { actor }: { actor: Actor }) {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  const rows = await deps.db
    .select({ id: agencies.id, name: agencies.name, country: agencies.country, kind: agencies.kind })
    .from(agencies)
    .orderBy(asc(agencies.country), asc(agencies.name));
  return rows.map((r) => ({ ...r, kind: r.kind as AgencyKind }));
}
