import { and, eq } from "drizzle-orm";
import { targetKeys, targets } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden, Invalid } from "../errors";
import { refuseNgoPartner } from "./list-targets";
import { getOperationForActor } from "../operations/access";
import { parseInput } from "../validation";
import { contactsOf, operationCountry } from "./contacts";
import { findTargetMatches } from "./match-targets";
import { prepareIdentifier } from "./prepare";
import { lockRegistrations, recordHits } from "./record-hits";
import { registerTargetSchema } from "./schemas";
import { deconflictionSecret } from "./secret";
import { loadSettings } from "./settings";

/**
 * Registers a target's identifier in the operation and checks it against every
 * other operation at once. Registering the same identifier again in the same
 * operation returns the existing target (and finds no new hits).
 */
export async function registerTarget(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }) {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  refuseNgoPartner(actor);
  if (access.readOnlyReason) throw Forbidden("read_only");
  const data = parseInput(registerTargetSchema, input);
  const secret = deconflictionSecret(deps.config);
  const prepared = prepareIdentifier(secret, data.kind, data.value, await operationCountry(deps.db, operationId));
  if (!prepared.ok) throw Invalid(prepared.fields);
  const p = prepared.value;
  const now = deps.now();
  const actorId = actor.id!;

  return withTransaction(deps, async (tx, emit) => {
    await lockRegistrations(tx);
    const main = p.keys[0]!;
    const [existing] = await tx
      .select({ id: targets.id, createdAt: targets.createdAt })
      .from(targets)
      .innerJoin(targetKeys, eq(targetKeys.targetId, targets.id))
      .where(and(eq(targets.operationId, operationId), eq(targetKeys.kind, main.kind), eq(targetKeys.keyType, "exact"), eq(targetKeys.digest, main.digest)))
      .limit(1);
    let targetId: string;
    let registeredAt: Date;
    if (existing) {
      targetId = existing.id;
      registeredAt = existing.createdAt;
    } else {
      const [row] = await tx
        .insert(targets)
        .values({
          operationId,
          kind: p.kind,
          raw: p.raw,
          display: p.display,
          note: data.note,
          handlingCode: data.handlingCode,
          personProfile: p.person,
          registeredBy: actorId,
          createdAt: now,
        })
        .returning({ id: targets.id, createdAt: targets.createdAt });
      targetId = row!.id;
      registeredAt = row!.createdAt;
      await tx.insert(targetKeys).values(p.keys.map((k) => ({ targetId, operationId, ...k })));
    }

    const settings = await loadSettings(tx);
    const matches = await findTargetMatches(tx, p, { excludeOperationId: operationId, personThreshold: settings.personThreshold });
    // the registering officer stays the point of contact of a target registered before
    const [own] = existing ? await tx.select({ by: targets.registeredBy }).from(targets).where(eq(targets.id, targetId)) : [{ by: actorId }];
    const created = await recordHits(
      tx,
      emit,
      actor,
      now,
      matches.map((m) => ({
        kind: "target" as const,
        identifierKind: p.kind,
        score: m.score,
        reasons: m.reasons as Record<string, unknown>[],
        a: { targetId, operationId, officerId: own!.by, registeredAt },
        b: { targetId: m.targetId, operationId: m.operationId, officerId: m.registeredBy, registeredAt: m.registeredAt },
      })),
    );
    await recordAudit(tx, actor, now, {
      action: "target.registered",
      targetType: "target",
      targetId,
      operationId,
      details: { kind: p.kind, handlingCode: data.handlingCode, alreadyRegistered: Boolean(existing), matches: matches.length, newHits: created.length },
    });
    const contacts = await contactsOf(tx, matches.map((m) => m.registeredBy));
    return {
      target: { id: targetId, kind: p.kind, display: p.display, flags: p.flags, alreadyRegistered: Boolean(existing), registeredAt: registeredAt.toISOString() },
      matches: matches.map((m) => ({
        score: m.score,
        reasons: m.reasons,
        registeredAt: m.registeredAt.toISOString(),
        contact: contacts.get(m.registeredBy)!,
      })),
      newHitIds: created,
    };
  });
}
