import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { invitations } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";

/** 32 random bytes, base64url: the secret part of the link. Only its hash is stored. */
export const newInvitationToken = () => randomBytes(32).toString("base64url");
export const hashInvitationToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export interface IssuedInvitation {
  invitationId: string;
  token: string;
  expiresAt: Date;
}

/**
 * Revokes whatever link the user still holds and issues a new one: at most one
 * link per user works at any time.
 */
export async function issueInvitation(tx: Tx, deps: ServiceDeps, actor: Actor, userId: string): Promise<IssuedInvitation & { revokedIds: string[] }> {
  const now = deps.now();
  const revoked = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  const token = newInvitationToken();
  const expiresAt = new Date(now.getTime() + deps.config.invitationHours * 3_600_000);
  const [row] = await tx
    .insert(invitations)
    .values({
      tokenHash: hashInvitationToken(token),
      userId,
      createdBy: actor.kind === "user" ? actor.id : null,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: invitations.id });
  return { invitationId: row!.id, token, expiresAt, revokedIds: revoked.map((r) => r.id) };
}
