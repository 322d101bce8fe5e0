import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { agencies, users } from "../../../db/schema/index";
import { sameVersion } from "../agencies/update-agency";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Invalid, NotFound } from "../errors";
import { assertAnotherActiveAdmin, isActiveAdmin } from "../office/admins";
import { isUniqueViolation } from "../office/db-errors";
import { assertAdministrator } from "../office/permissions";
import { parseInput } from "../validation";
import { isUserId } from "./get-user";
import { updateUserSchema } from "./schemas";

export const EMAIL_TAKEN = "validation.email_taken";
export const UNKNOWN_AGENCY = "admin:errors.unknown_agency";

export async function emailTaken(db: DbOrTx, email: string, exceptId?: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return rows.some((r) => r.id !== exceptId);
}

export async function agencyExists(db: DbOrTx, agencyId: string): Promise<boolean> {
  const rows = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  return rows.length === 1;
}

const EDITABLE = ["name", "email", "agencyId", "phone", "languages", "timeZone", "locale"] as const;

/**
 * An administrator edits a user's profile and office role. A role change is its
 * own audit entry (user.role_changed, from/to); the other fields go to
 * user.updated with before and after of what changed.
 */
export async function updateUser(deps: ServiceDeps, { actor, userId, input }: { actor: Actor; userId: string; input: unknown }) {
  assertAdministrator(actor);
  if (!isUserId(userId)) throw NotFound();
  const { version, ...data } = parseInput(updateUserSchema, input);
  const next = { ...data, phone: data.phone ?? null };
  try {
    return await withTransaction(deps, async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
      if (!before) throw NotFound();
      if (version && !sameVersion(before.updatedAt, version)) throw Conflict("conflict");

      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const k of EDITABLE) {
        const from = before[k];
        const to = next[k];
        const same = Array.isArray(from) && Array.isArray(to) ? from.join(",") === to.join(",") : from === to;
        if (!same) changes[k] = { from, to };
      }
      const roleChanged = before.officeRole !== next.officeRole;
      if (Object.keys(changes).length === 0 && !roleChanged) return { changed: false as const };

      const fieldErrors: Record<string, string[]> = {};
      if (changes.email && (await emailTaken(tx, next.email, userId))) fieldErrors.email = [EMAIL_TAKEN];
      if (changes.agencyId && !(await agencyExists(tx, next.agencyId))) fieldErrors.agencyId = [UNKNOWN_AGENCY];
      if (Object.keys(fieldErrors).length) throw Invalid(fieldErrors);
      if (roleChanged && isActiveAdmin(before)) await assertAnotherActiveAdmin(tx, userId);

      const now = deps.now();
      await tx
        .update(users)
        .set({ ...next, updatedAt: now })
        .where(eq(users.id, userId));
      if (roleChanged) {
        await recordAudit(tx, actor, now, {
          action: "user.role_changed",
          targetType: "user",
          targetId: userId,
          details: { from: before.officeRole, to: next.officeRole },
        });
      }
      if (Object.keys(changes).length > 0) {
        await recordAudit(tx, actor, now, { action: "user.updated", targetType: "user", targetId: userId, details: { changes } });
      }
      return { changed: true as const };
    });
  } catch (err) {
    if (isUniqueViolation(err, "users_email_key")) throw Invalid({ email: [EMAIL_TAKEN] });
    throw err;
  }
}
