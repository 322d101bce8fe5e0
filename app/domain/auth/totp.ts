import { createHash, randomBytes } from "node:crypto";
import { decodeBase64, encodeBase32UpperCaseNoPadding, encodeBase64 } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import QRCode from "qrcode";
import { recoveryCodes, users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Forbidden, Invalid, NotFound } from "../errors";
import { parseInput, z } from "../validation";
import { createSessionManager } from "./sessions";

const PERIOD = 30;
const DIGITS = 6;
const RECOVERY_CODES = 10;

export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().min(6, "validation.totp_code").max(20, "validation.totp_code")),
});

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The time step whose code this is (the previous, current or next 30-second
 * step, as authenticator clocks drift), or null. Steps follow the wall clock,
 * as the authenticator app does.
 */
function matchingStep(keyB64: string, code: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = decodeBase64(keyB64);
  const current = Math.floor(Date.now() / 1000 / PERIOD);
  for (const step of [current - 1, current, current + 1]) {
    if (verifyHOTP(key, BigInt(step), DIGITS, code)) return step;
  }
  return null;
}

/**
 * Accepts a code once: records its step unless a code of that step or a later
 * one was accepted before (a replayed or older code is refused), in one
 * conditional update so two requests with the same code cannot both pass.
 */
async function consumeStep(tx: DbOrTx, userId: string, step: number): Promise<boolean> {
  const updated = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return updated.length === 1;
}

/** Starts (or restarts) enrolment: a new key, not active until a code from it is confirmed. */
export async function startTotpEnrolment(deps: ServiceDeps, { actor }: { actor: Actor }) {
  if (!actor.id) throw Forbidden();
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw NotFound();
  if (user.totpEnabledAt) throw Conflict("totp_already_enabled");
  const key = randomBytes(20);
  await deps.db.update(users).set({ totpKey: encodeBase64(key) }).where(eq(users.id, actor.id));
  const uri = createTOTPKeyURI("Concordia", user.email, key, PERIOD, DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, width: 200 });
  return { uri, qrSvg, secret: encodeBase32UpperCaseNoPadding(key) };
}

/** Confirms enrolment with a first code; returns the one-time recovery codes (shown once). */
export async function confirmTotpEnrolment(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  const { code } = parseInput(totpCodeSchema, input);
  if (!actor.id) throw Forbidden();
  const userId = actor.id;
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!user?.totpKey || user.totpEnabledAt) throw Conflict("totp_not_pending");
  const step = matchingStep(user.totpKey, code);
  if (step === null) throw Invalid({ code: ["validation.totp_code"] });
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = encodeBase32UpperCaseNoPadding(randomBytes(10));
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12, 16)}`;
  });
  await withTransaction(deps, async (tx) => {
    await tx.update(users).set({ totpEnabledAt: deps.now(), totpLastStep: step }).where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: sha256(c.replace(/-/g, "")) })));
    await recordAudit(tx, actor, deps.now(), { action: "auth.totp_enrolled", targetType: "user", targetId: userId });
  });
  return { recoveryCodes: codes };
}

/** The second step of sign-in: a TOTP code or an unused recovery code. */
export async function verifySecondFactor(
  deps: ServiceDeps,
  { sessionId, userId, input, ip }: { sessionId: string; userId: string; input: unknown; ip: string | null },
): Promise<boolean> {
  const { code } = parseInput(totpCodeSchema, input);
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!user?.totpKey || !user.totpEnabledAt) throw NotFound();
  const actor: Actor = { kind: "user", id: user.id, label: `${user.name} <${user.email}>`, officeRole: null, agencyId: user.agencyId, ip };
  const normalized = code.toUpperCase();
  return withTransaction(deps, async (tx) => {
    const step = matchingStep(user.totpKey!, code);
    const reused = step !== null && !(await consumeStep(tx, userId, step));
    let method: "totp" | "recovery_code" | null = step !== null && !reused ? "totp" : null;
    if (!method && normalized.length === 16) {
      const used = await tx
        .update(recoveryCodes)
        .set({ usedAt: deps.now() })
        .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, sha256(normalized)), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      if (used.length === 1) method = "recovery_code";
    }
    if (!method) {
      await recordAudit(tx, actor, deps.now(), {
        action: "auth.totp_failed",
        outcome: "failure",
        targetType: "user",
        targetId: userId,
        ...(reused ? { details: { reason: "code_reused" } } : {}),
      });
      return false;
    }
    await createSessionManager(tx, deps.config, deps.now).markTwoFactorVerified(sessionId);
    await recordAudit(tx, actor, deps.now(), {
      action: method === "totp" ? "auth.totp_verified" : "auth.recovery_code_used",
      targetType: "user",
      targetId: userId,
    });
    return true;
  });
}

/** Turns the second factor off (the user themself, or an admin resetting a lost device). */
export async function disableTotp(deps: ServiceDeps, { actor, userId }: { actor: Actor; userId: string }) {
  if (actor.id !== userId && actor.officeRole !== "admin") throw Forbidden();
  await withTransaction(deps, async (tx) => {
    const updated = await tx.update(users).set({ totpKey: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId)).returning({ id: users.id });
    if (updated.length === 0) throw NotFound();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await recordAudit(tx, actor, deps.now(), { action: "auth.totp_disabled", targetType: "user", targetId: userId });
  });
}
