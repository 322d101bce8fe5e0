import { randomUUID } from "node:crypto";
import { users } from "../../../db/schema/index";
import { hashPassword, passwordSchema } from "../auth/passwords";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { isUniqueViolation } from "../office/db-errors";
import { assertAdministrator } from "../office/permissions";
import { fieldErrors, z } from "../validation";
import { userFieldsSchema } from "./schemas";
import { EMAIL_TAKEN, UNKNOWN_AGENCY, agencyExists, emailTaken } from "./update-user";

const createUserSchema = userFieldsSchema.extend({ password: passwordSchema });

/**
 * Creates an account with its password already set: the command line's way to
 * make the first administrator of an empty installation. The web uses invitations.
 */
export async function createUser(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  assertAdministrator(actor);
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) throw Invalid(fieldErrors(parsed.error));
  const { password, ...data } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await withTransaction(deps, async (tx) => {
      const errors: Record<string, string[]> = {};
      if (await emailTaken(tx, data.email)) errors.email = [EMAIL_TAKEN];
      if (!(await agencyExists(tx, data.agencyId))) errors.agencyId = [UNKNOWN_AGENCY];
      if (Object.keys(errors).length) throw Invalid(errors);
      const now = deps.now();
      const userId = randomUUID();
      await tx.insert(users).values({ id: userId, ...data, phone: data.phone ?? null, passwordHash, createdAt: now, updatedAt: now });
      await recordAudit(tx, actor, now, {
        action: "user.created",
        targetType: "user",
        targetId: userId,
        details: { email: data.email, role: data.officeRole, agencyId: data.agencyId, method: "password" },
      });
      return { userId };
    });
  } catch (err) {
    if (isUniqueViolation(err, "users_email_key")) throw Invalid({ email: [EMAIL_TAKEN] });
    throw err;
  }
}

export type CreateUserInput = z.input<typeof createUserSchema>;
