import { deconflictionSettings } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { parseInput } from "../validation";
import { settingsSchema } from "./schemas";
import { loadSettings } from "./settings";

const mayManage = (actor: Actor) => actor.kind === "user" && (actor.officeRole === "admin" || actor.officeRole === "office_lead");

export async function getSettings(deps: ServiceDeps, { actor }: { actor: Actor }) {
  if (!mayManage(actor)) throw Forbidden();
  return loadSettings(deps.db);
}

/** The office's matcher settings: person threshold, event buffers, escalation time. */
export async function updateSettings(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  if (!mayManage(actor)) throw Forbidden();
  const data = parseInput(settingsSchema, input);
  const now = deps.now();
  await withTransaction(deps, async (tx) => {
    const before = await loadSettings(tx);
    await tx
      .insert(deconflictionSettings)
      .values({ id: 1, ...data, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({ target: deconflictionSettings.id, set: { ...data, updatedBy: actor.id, updatedAt: now } });
    await recordAudit(tx, actor, now, { action: "deconfliction.settings_changed", targetType: "deconfliction_settings", details: { before, after: data } });
  });
  return loadSettings(deps.db);
}
