import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { fieldErrors, parseInput } from "../validation";
import { agencyCountry, contactsOf } from "./contacts";
import { findTargetMatches } from "./match-targets";
import { prepareIdentifier } from "./prepare";
import { checkIdentifiersSchema, identifierItem } from "./schemas";
import { deconflictionSecret } from "./secret";
import { loadSettings } from "./settings";

export type CheckItemResult =
  | { index: number; ok: false; fields: Record<string, string[]> }
  | {
      index: number;
      ok: true;
      kind: string;
      display: string;
      flags: string[];
      matches: { score: number; reasons: unknown[]; registeredAt: string; contact: Awaited<ReturnType<typeof contactsOf>> extends Map<string, infer C> ? C : never }[];
    };

/**
 * "Just checking": the same normalisation and matching as a registration, for
 * one identifier or a batch, without storing anything or creating hits. The
 * consultation itself is logged (counts, kinds and which targets answered —
 * never the values checked, so the log does not become a copy of them).
 */
export async function checkIdentifiers(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  // partners refer victims; they do not query the office's targets
  if (actor.officeRole === "ngo_partner") throw Forbidden();
  const data = parseInput(checkIdentifiersSchema, input);
  const secret = deconflictionSecret(deps.config);
  const defaultCountry = data.defaultCountry?.toUpperCase() ?? (await agencyCountry(deps.db, actor.agencyId));
  const settings = await loadSettings(deps.db);

  return withTransaction(deps, async (tx) => {
    const results: CheckItemResult[] = [];
    const answered = new Set<string>();
    const kinds = new Set<string>();
    for (const [index, raw] of data.items.entries()) {
      const item = identifierItem.safeParse(raw);
      if (!item.success) {
        results.push({ index, ok: false, fields: fieldErrors(item.error) });
        continue;
      }
      const prepared = prepareIdentifier(secret, item.data.kind, item.data.value, defaultCountry);
      if (!prepared.ok) {
        results.push({ index, ok: false, fields: prepared.fields });
        continue;
      }
      kinds.add(item.data.kind);
      const matches = await findTargetMatches(tx, prepared.value, { excludeOperationId: null, personThreshold: settings.personThreshold });
      const contacts = await contactsOf(tx, matches.map((m) => m.registeredBy));
      for (const m of matches) answered.add(m.targetId);
      results.push({
        index,
        ok: true,
        kind: item.data.kind,
        display: prepared.value.display,
        flags: prepared.value.flags,
        matches: matches.map((m) => ({ score: m.score, reasons: m.reasons, registeredAt: m.registeredAt.toISOString(), contact: contacts.get(m.registeredBy)! })),
      });
    }
    const valid = results.filter((r) => r.ok);
    await recordAudit(tx, actor, deps.now(), {
      action: "target.checked",
      targetType: "target",
      details: {
        items: results.length,
        invalid: results.length - valid.length,
        withMatches: valid.filter((r) => r.ok && r.matches.length > 0).length,
        kinds: [...kinds].sort(),
        matchedTargetIds: [...answered].sort(),
      },
    });
    return { items: results };
  });
}
