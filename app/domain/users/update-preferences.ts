import { eq } from "drizzle-orm";
import { users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { parseInput } from "../validation";
import { preferencesSchema } from "./schemas";

/** A user's own settings: interface language, time zone, phone, spoken languages. */
export async function updatePreferences(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  const userId = actor.id;
  const changes = parseInput(preferencesSchema, input);
  if (Object.keys(changes).length === 0) return;
  await withTransaction(deps, async (tx) => {
    await tx.update(users).set({ ...changes, updatedAt: deps.now() }).where(eq(users.id, userId));
    await recordAudit(tx, actor, deps.now(), { action: "user.updated", targetType: "user", targetId: userId, details: { fields: Object.keys(changes) } });
  });
}
