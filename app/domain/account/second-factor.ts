import { decodeBase64, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI } from "@oslojs/otp";
import { and, count, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { recoveryCodes, rolePolicies, users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { countWrongPassword } from "../auth/lockout";
import { verifyPassword } from "../auth/passwords";
import { disableTotp } from "../auth/totp";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden, Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import { disableSecondFactorSchema } from "./schemas";

// The same parameters auth/totp.ts enrols with.
const ISSUER = "Concordia";
const PERIOD = 30;
const DIGITS = 6;

/**
 * The user's second factor: on, or an enrolment waiting for its first code. The
 * pending key lives only in users.totp_key, so the page can be reloaded (or
 * used without JavaScript) and show the same QR code until it is confirmed.
 */
export async function getSecondFactor(deps: ServiceDeps, { actor }: { actor: Actor }) {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  const [user] = await deps.db
    .select({ email: users.email, totpKey: users.totpKey, totpEnabledAt: users.totpEnabledAt, roleRequires: rolePolicies.requireTotp })
    .from(users)
    .leftJoin(rolePolicies, eq(rolePolicies.role, users.officeRole))
    .where(eq(users.id, actor.id));
  if (!user) throw NotFound();
  const roleRequires = user.roleRequires === true;
  if (user.totpEnabledAt) {
    const [left] = await deps.db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, actor.id), isNull(recoveryCodes.usedAt)));
    return { enabled: true as const, enabledAt: user.totpEnabledAt.toISOString(), recoveryCodesLeft: Number(left?.n ?? 0), roleRequires, pending: null };
  }
  if (!user.totpKey) return { enabled: false as const, enabledAt: null, recoveryCodesLeft: 0, roleRequires, pending: null };
  const key = decodeBase64(user.totpKey);
  const uri = createTOTPKeyURI(ISSUER, user.email, key, PERIOD, DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, width: 200 });
  return { enabled: false as const, enabledAt: null, recoveryCodesLeft: 0, roleRequires, pending: { uri, qrSvg, secret: encodeBase32UpperCaseNoPadding(key) } };
}

/** Turning one's own second factor off takes the current password: a session alone is not enough. */
export async function disableSecondFactor(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  const userId = actor.id;
  const { password } = parseInput(disableSecondFactorSchema, input);
  const [user] = await deps.db.select({ passwordHash: users.passwordHash, totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (!user) throw NotFound();
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    const { locked } = await withTransaction(deps, (tx) =>
      countWrongPassword(
        tx,
        deps,
        actor,
        deps.now(),
        userId,
        { action: "auth.totp_disabled", outcome: "failure", targetType: "user", targetId: userId, details: { reason: "wrong_password" } },
        { endSessions: true },
      ),
    );
    throw Invalid({ password: [locked ? "account:errors.locked_signed_out" : "account:errors.current_password_wrong"] });
  }
  if (!user.totpEnabledAt) throw Invalid({ _form: ["account:errors.totp_not_enabled"] });
  await disableTotp(deps, { actor, userId });
}
