import { and, eq, ne } from "drizzle-orm";
import { targetKeys, targets } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Forbidden, Invalid, NotFound } from "../errors";
import { refuseNgoPartner } from "./list-targets";
import { getOperationForActor, isUuid, type OperationAccess } from "../operations/access";
import { parseInput, z } from "../validation";
import { HANDLING_CODES } from "../vocabulary";
import { contactsOf, operationCountry } from "./contacts";
import type { IdentifierKind } from "./identifiers/kinds";
import { findTargetMatches } from "./match-targets";
import { prepareIdentifier } from "./prepare";
import { lockRegistrations, recordHits } from "./record-hits";
import { deconflictionSecret } from "./secret";
import { loadSettings } from "./settings";
import { targetVersion } from "./target-version";

export const updateTargetSchema = z.object({
  targetId: z.string(),
  version: z.string().min(1).max(64),
  value: z.record(z.unknown()),
  note: z.string().trim().max(2000).default(""),
  handlingCode: z.enum(HANDLING_CODES).default("H0"),
});

/** Who may change or remove a registration: the officer who made it (the point of contact) or the operation's lead. */
export function assertMayChangeTarget(access: OperationAccess, actor: Actor, registeredBy: string) {
  if (access.readOnlyReason) throw Forbidden("read_only");
  if (access.memberRole !== "lead" && registeredBy !== actor.id) throw Forbidden("not_registrant");
}

/**
 * Corrects a registration: the kind stays, the value, note and handling code
 * change. The matching index is rebuilt from the new value and checked again
 * against every other operation; hits found before stay (they record what met then).
 */
export async function updateTarget(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }) {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  refuseNgoPartner(actor);
  if (access.readOnlyReason) throw Forbidden("read_only");
  const data = parseInput(updateTargetSchema, input);
  if (!isUuid(data.targetId)) throw NotFound();
  const country = await operationCountry(deps.db, operationId);
  const secret = deconflictionSecret(deps.config);
  const now = deps.now();

  return withTransaction(deps, async (tx, emit) => {
    await lockRegistrations(tx);
    const [row] = await tx
      .select()
      .from(targets)
      .where(and(eq(targets.id, data.targetId), eq(targets.operationId, operationId)))
      .for("update");
    if (!row) throw NotFound();
    assertMayChangeTarget(access, actor, row.registeredBy);
    if (targetVersion(row) !== data.version) throw Conflict("target_changed");
    const kind = row.kind as IdentifierKind;
    const prepared = prepareIdentifier(secret, kind, data.value, country);
    if (!prepared.ok) throw Invalid(prepared.fields);
    const p = prepared.value;

    const main = p.keys[0]!;
    const [twin] = await tx
      .select({ id: targets.id })
      .from(targets)
      .innerJoin(targetKeys, eq(targetKeys.targetId, targets.id))
      .where(and(eq(targets.operationId, operationId), ne(targets.id, row.id), eq(targetKeys.kind, main.kind), eq(targetKeys.keyType, "exact"), eq(targetKeys.digest, main.digest)))
      .limit(1);
    if (twin) throw Conflict("target_already_registered", { targetId: twin.id });

    const valueChanged = JSON.stringify(row.raw) !== JSON.stringify(p.raw);
    await tx
      .update(targets)
      .set({ raw: p.raw, display: p.display, note: data.note, handlingCode: data.handlingCode, personProfile: p.person })
      .where(eq(targets.id, row.id));
    await tx.delete(targetKeys).where(eq(targetKeys.targetId, row.id));
    await tx.insert(targetKeys).values(p.keys.map((k) => ({ targetId: row.id, operationId, ...k })));

    const settings = await loadSettings(tx);
    const matches = await findTargetMatches(tx, p, { excludeOperationId: operationId, personThreshold: settings.personThreshold });
    const created = await recordHits(
      tx,
      emit,
      actor,
      now,
      matches.map((m) => ({
        kind: "target" as const,
        identifierKind: kind,
        score: m.score,
        reasons: m.reasons as Record<string, unknown>[],
        a: { targetId: row.id, operationId, officerId: row.registeredBy, registeredAt: row.createdAt },
        b: { targetId: m.targetId, operationId: m.operationId, officerId: m.registeredBy, registeredAt: m.registeredAt },
      })),
    );
    // no values in the log: what changed, not what it became
    await recordAudit(tx, actor, now, {
      action: "target.updated",
      targetType: "target",
      targetId: row.id,
      operationId,
      details: {
        kind,
        valueChanged,
        noteChanged: row.note !== data.note,
        handlingCode: data.handlingCode === row.handlingCode ? data.handlingCode : { from: row.handlingCode, to: data.handlingCode },
        matches: matches.length,
        newHits: created.length,
      },
    });
    const contacts = await contactsOf(tx, matches.map((m) => m.registeredBy));
    return {
      target: { id: row.id, kind, display: p.display, flags: p.flags, registeredAt: row.createdAt.toISOString() },
      matches: matches.map((m) => ({ score: m.score, reasons: m.reasons, registeredAt: m.registeredAt.toISOString(), contact: contacts.get(m.registeredBy)! })),
      newHitIds: created,
    };
  });
}
