// From what an officer typed to what the index stores: normalised value, display,
// the digests it is found under and, for persons, the facts it is scored on.
import type { PersonProfile } from "../../../db/schema/deconfliction";
import { fieldErrors } from "../validation";
import { IDENTIFIERS, type IdentifierKind, type IdentifierModule } from "./identifiers/index";
import { errorKey } from "./identifiers/result";
import { personBlockingKeys } from "./matching/names";
import { digestOf } from "./secret";

export interface IndexKey {
  kind: string;
  keyType: "exact" | "block";
  digest: string;
}

export interface PreparedIdentifier {
  kind: IdentifierKind;
  /** the schema's output: what the owner's operation keeps */
  raw: Record<string, unknown>;
  display: string;
  flags: string[];
  keys: IndexKey[];
  person: PersonProfile | null;
}

export type PrepareResult = { ok: true; value: PreparedIdentifier } | { ok: false; fields: Record<string, string[]> };

// An IBAN's domestic form is the bank-account key: filed under that kind so the two meet.
const ALTERNATE_KEY_KIND: Partial<Record<IdentifierKind, IdentifierKind>> = { iban: "bank_account" };

export function prepareIdentifier(secret: string, kind: IdentifierKind, raw: unknown, defaultCountry: string | undefined): PrepareResult {
  const mod = IDENTIFIERS[kind] as unknown as IdentifierModule;
  const parsed = mod.schema.safeParse(raw);
  if (!parsed.success) return { ok: false, fields: prefixed(fieldErrors(parsed.error)) };
  const result = mod.normalise(parsed.data, { defaultCountry });
  if (!result.ok) return { ok: false, fields: { value: [errorKey(result.code)] } };
  const keys: IndexKey[] = [{ kind, keyType: "exact", digest: digestOf(secret, kind, result.value) }];
  for (const alt of result.alternateKeys ?? []) {
    const altKind = ALTERNATE_KEY_KIND[kind] ?? kind;
    keys.push({ kind: altKind, keyType: "exact", digest: digestOf(secret, altKind, alt) });
  }
  let person: PersonProfile | null = null;
  if (kind === "person") {
    const p = parsed.data as PersonProfile;
    person = { names: p.names };
    if (p.dateOfBirth) person.dateOfBirth = p.dateOfBirth;
    if (p.birthYear !== undefined) person.birthYear = p.birthYear;
    if (p.nationality) person.nationality = p.nationality;
    if (p.sex) person.sex = p.sex;
    for (const b of personBlockingKeys(person)) keys.push({ kind, keyType: "block", digest: digestOf(secret, kind, `block:${b}`) });
  }
  const unique = new Map(keys.map((k) => [`${k.kind}|${k.keyType}|${k.digest}`, k]));
  return {
    ok: true,
    value: { kind, raw: parsed.data as Record<string, unknown>, display: result.display, flags: result.flags ?? [], keys: [...unique.values()], person },
  };
}

function prefixed(fields: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(fields)) out[k === "_form" ? "value" : `value.${k}`] = v;
  return out;
}
