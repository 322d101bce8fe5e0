import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { fieldErrors, parseInput } from "../validation";
import { agencyCountry, contactsOf } from "./contacts";
import { findTargetMatchesMany, type TargetMatch } from "./match-targets";
import { prepareIdentifier, type PreparedIdentifier } from "./prepare";
import { isIdentifierKind, type IdentifierKind } from "./identifiers/kinds";
import { checkIdentifiersSchema, identifierItem } from "./schemas";
import { deconflictionSecret } from "./secret";
import { loadSettings } from "./settings";

/** Items per lookup query within one check: small enough that lookups overlap the preparing of the rest. */
const LOOKUP_SLICE = 250;

/**
 * An item already of the shape identifierItem accepts (a known kind, the value a
 * plain object), taken as it is: the kind's own schema parses the value next.
 * Anything else goes through identifierItem for its field errors.
 */
function wellFormedItem(raw: unknown): { success: true; data: { kind: IdentifierKind; value: Record<string, unknown> } } | null {
  if (raw === null || typeof raw !== "object") return null;
  const { kind, value } = raw as { kind?: unknown; value?: unknown };
  if (typeof kind !== "string" || !isIdentifierKind(kind)) return null;
  if (value === null || typeof value !== "object") return null;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  return { success: true, data: { kind, value: value as Record<string, unknown> } };
}

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
  // both at once, on two connections of the pool: a single check is a handful of round trips in all
  const [agencyDefault, settings] = await Promise.all([data.defaultCountry ? undefined : agencyCountry(deps.db, actor.agencyId), loadSettings(deps.db)]);
  const defaultCountry = data.defaultCountry?.toUpperCase() ?? agencyDefault;

  // Items are parsed and prepared a slice at a time; each slice's lookup is sent as soon as
  // it is ready, so the database answers one slice while the next is being normalised.
  // The lookups read only; the consultation's audit row is the one write.
  const results: (CheckItemResult | null)[] = [];
  const prepared: { index: number; kind: string; value: PreparedIdentifier }[] = [];
  const lookups: Promise<TargetMatch[][]>[] = [];
  const kinds = new Set<string>();
  let sent = 0;
  const lookUp = () => {
    const slice = prepared.slice(sent).map((p) => p.value);
    sent = prepared.length;
    if (slice.length > 0) lookups.push(findTargetMatchesMany(deps.db, slice, { excludeOperationId: null, personThreshold: settings.personThreshold }));
  };
  for (const [index, raw] of data.items.entries()) {
    const item = wellFormedItem(raw) ?? identifierItem.safeParse(raw);
    if (!item.success) {
      results.push({ index, ok: false, fields: fieldErrors(item.error) });
      continue;
    }
    const p = prepareIdentifier(secret, item.data.kind, item.data.value, defaultCountry);
    if (!p.ok) {
      results.push({ index, ok: false, fields: p.fields });
      continue;
    }
    kinds.add(item.data.kind);
    results.push(null);
    prepared.push({ index, kind: item.data.kind, value: p.value });
    if (prepared.length - sent >= LOOKUP_SLICE) {
      lookUp();
      // let the query leave before preparing the next slice
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  lookUp();
  const found = (await Promise.all(lookups)).flat();

  const answered = new Set<string>();
  let withMatches = 0;
  for (const matches of found) {
    if (matches.length > 0) withMatches++;
    for (const m of matches) answered.add(m.targetId);
  }
  // the contacts to show are read while the consultation's audit row commits: neither needs the other
  const [contacts] = await Promise.all([
    contactsOf(deps.db, found.flatMap((ms) => ms.map((m) => m.registeredBy))),
    withTransaction(deps, (tx) =>
      recordAudit(tx, actor, deps.now(), {
        action: "target.checked",
        targetType: "target",
        details: {
          items: data.items.length,
          invalid: data.items.length - prepared.length,
          withMatches,
          kinds: [...kinds].sort(),
          matchedTargetIds: [...answered].sort(),
        },
      }),
    ),
  ]);
  for (const [n, p] of prepared.entries()) {
    results[p.index] = {
      index: p.index,
      ok: true,
      kind: p.kind,
      display: p.value.display,
      flags: p.value.flags,
      matches: found[n]!.map((m) => ({ score: m.score, reasons: m.reasons, registeredAt: m.registeredAt.toISOString(), contact: contacts.get(m.registeredBy)! })),
    };
  }
  return { items: results as CheckItemResult[] };
}
