// Which fields each identifier kind asks for, and the translation between an
// HTML form and the identifier value the deconfliction schemas validate.
// Pure: the routes parse with it and the pages render from it.
import { CRYPTO_CHAINS } from "../../domain/deconfliction/identifiers/crypto-wallet";
import { DOCUMENT_TYPES } from "../../domain/deconfliction/identifiers/document";
import { IDENTIFIER_KINDS, type IdentifierKind } from "../../domain/deconfliction/identifiers/kinds";
import { ONLINE_PLATFORMS } from "../../domain/deconfliction/identifiers/online-account";
import { HANDLING_CODES } from "../../domain/vocabulary";
import { z } from "../../domain/validation";

export type FieldType = "text" | "email" | "country" | "date" | "number" | "lines" | "select";

export interface IdentifierField {
  /** the key in the identifier value, and the form field's name after "value." */
  key: string;
  type: FieldType;
  /** i18n key in the deconfliction namespace */
  label: string;
  hint?: string;
  optional?: boolean;
  /** select options and the i18n prefix of their labels */
  options?: readonly string[];
  optionLabels?: string;
  /** spans the whole row */
  wide?: boolean;
  mono?: boolean;
  placeholder?: string;
}

const country = (key: string, label: string, optional = false): IdentifierField => ({ key, type: "country", label, optional });

export const KIND_FIELDS: Record<IdentifierKind, IdentifierField[]> = {
  person: [
    // names[0]; the aliases textarea carries names[1..]
    { key: "name", type: "text", label: "fields.name", wide: true },
    { key: "aliases", type: "lines", label: "fields.aliases", hint: "fields.aliases_hint", optional: true, wide: true },
    { key: "dateOfBirth", type: "date", label: "fields.date_of_birth", optional: true },
    { key: "birthYear", type: "number", label: "fields.birth_year", hint: "fields.birth_year_hint", optional: true },
    country("nationality", "fields.nationality", true),
    { key: "sex", type: "select", label: "fields.sex", options: ["f", "m", "x"], optionLabels: "sex", optional: true },
  ],
  phone: [{ key: "number", type: "text", label: "fields.number", hint: "fields.phone_hint", mono: true, placeholder: "+381 64 123 4567" }],
  imei: [{ key: "imei", type: "text", label: "fields.imei", mono: true }],
  imsi: [{ key: "imsi", type: "text", label: "fields.imsi", mono: true }],
  email: [{ key: "email", type: "email", label: "fields.email" }],
  iban: [{ key: "iban", type: "text", label: "fields.iban", mono: true, wide: true, placeholder: "RS35 2600 0560 1001 6113 79" }],
  bank_account: [
    country("country", "fields.country"),
    { key: "bankCode", type: "text", label: "fields.bank_code", mono: true },
    { key: "accountNumber", type: "text", label: "fields.account_number", mono: true, wide: true },
  ],
  crypto_wallet: [
    { key: "chain", type: "select", label: "fields.chain", options: CRYPTO_CHAINS, optionLabels: "chains" },
    { key: "address", type: "text", label: "fields.wallet_address", mono: true, wide: true },
  ],
  vehicle_plate: [{ key: "plate", type: "text", label: "fields.plate", mono: true }, country("country", "fields.plate_country", true)],
  vin: [{ key: "vin", type: "text", label: "fields.vin", mono: true }],
  document: [
    { key: "type", type: "select", label: "fields.document_type", options: DOCUMENT_TYPES, optionLabels: "document_types" },
    { key: "number", type: "text", label: "fields.document_number", mono: true },
    country("country", "fields.issuing_country"),
  ],
  company: [
    { key: "name", type: "text", label: "fields.company_name", wide: true },
    country("country", "fields.country"),
    { key: "registrationNumber", type: "text", label: "fields.registration_number", optional: true, mono: true },
  ],
  address: [
    { key: "text", type: "text", label: "fields.address_text", wide: true },
    country("country", "fields.country", true),
    { key: "lat", type: "number", label: "fields.latitude", hint: "fields.coordinates_hint", optional: true },
    { key: "lon", type: "number", label: "fields.longitude", optional: true },
  ],
  online_account: [
    { key: "platform", type: "select", label: "fields.platform", options: ONLINE_PLATFORMS, optionLabels: "platforms" },
    { key: "handle", type: "text", label: "fields.handle", wide: true },
  ],
  ip_address: [{ key: "ip", type: "text", label: "fields.ip", mono: true }],
};

/** The form's flat values ("value.number" → "…"), for defaults and for echoing a refused form back. */
export type FormValues = Record<string, string>;

export function isKind(v: unknown): v is IdentifierKind {
  return typeof v === "string" && (IDENTIFIER_KINDS as readonly string[]).includes(v);
}

const str = (fd: FormData, name: string) => {
  const v = fd.get(name);
  return typeof v === "string" ? v : "";
};

/**
 * The identifier value from a submitted form. Empty optional fields are left
 * out; numbers that do not parse are passed as typed so the kind's schema
 * reports them on their field.
 */
export function valueFromForm(kind: IdentifierKind, fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of KIND_FIELDS[kind]) {
    const raw = str(fd, `value.${f.key}`).trim();
    if (kind === "person" && f.key === "name") continue;
    if (kind === "person" && f.key === "aliases") continue;
    if (raw === "") {
      if (!f.optional) out[f.key] = raw;
      continue;
    }
    if (f.type === "number") {
      const n = Number(raw.replace(",", "."));
      out[f.key] = Number.isFinite(n) ? n : raw;
    } else {
      out[f.key] = raw;
    }
  }
  if (kind === "person") {
    const name = str(fd, "value.name").trim();
    const aliases = str(fd, "value.aliases")
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    out.names = name ? [name, ...aliases] : aliases.length ? ["", ...aliases] : [];
  }
  return out;
}

/** Form defaults from a stored value (the edit form). */
export function formFromValue(kind: IdentifierKind, raw: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of KIND_FIELDS[kind]) {
    const v = raw[f.key];
    if (v !== undefined && v !== null) out[`value.${f.key}`] = String(v);
  }
  if (kind === "person") {
    const names = Array.isArray(raw.names) ? raw.names.map(String) : [];
    out["value.name"] = names[0] ?? "";
    out["value.aliases"] = names.slice(1).join("\n");
  }
  return out;
}

export function formValues(fd: FormData): FormValues {
  const out: FormValues = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string" && k !== "intent" && k !== "version") out[k] = v.slice(0, 2000);
  return out;
}

/** The part of every register/edit form that is not the identifier itself. */
export const targetEnvelopeSchema = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  note: z.string().trim().max(2000).default(""),
  handlingCode: z.enum(HANDLING_CODES).default("H0"),
});

/**
 * Which form field an error of the service belongs to: "value.names.0" is the
 * name field, "value" (the normaliser's verdict on the whole identifier) goes
 * to the kind's first field.
 */
export function errorsFor(kind: IdentifierKind, fields: Record<string, string[]> | undefined, key: string): string[] | undefined {
  if (!fields) return undefined;
  const out: string[] = [];
  for (const [path, messages] of Object.entries(fields)) {
    let target = path === "value" ? KIND_FIELDS[kind][0]!.key : path.startsWith("value.") ? path.slice(6).split(".")[0]! : null;
    if (kind === "person" && target === "names") target = "name";
    if (target === key) out.push(...messages);
  }
  return out.length ? [...new Set(out)] : undefined;
}
