// The identifier kinds a CSV column can hold: those whose value is one cell.
// Persons, companies, documents and the like need several fields and are
// registered or checked one by one.
import type { IdentifierKind } from "../identifiers/kinds";

export const BULK_KINDS = ["phone", "email", "iban", "imei", "imsi", "vehicle_plate", "vin", "ip_address"] as const;
export type BulkKind = (typeof BULK_KINDS)[number] & IdentifierKind;

/** A cell as the kind's input schema expects it. */
export function cellInput(kind: BulkKind, cell: string): Record<string, unknown> {
  switch (kind) {
    case "phone":
      return { number: cell };
    case "email":
      return { email: cell };
    case "iban":
      return { iban: cell };
    case "imei":
      return { imei: cell };
    case "imsi":
      return { imsi: cell };
    case "vehicle_plate":
      return { plate: cell };
    case "vin":
      return { vin: cell };
    case "ip_address":
      return { ip: cell };
  }
}

const HEADER_HINTS: [RegExp, BulkKind][] = [
  [/e-?mail|courriel|επικοινων|email/i, "email"],
  [/iban/i, "iban"],
  [/imei/i, "imei"],
  [/imsi/i, "imsi"],
  [/\bvin\b|fahrgestell|šasij/i, "vin"],
  [/plate|kennzeichen|tablic|immatric|targ|πινακ/i, "vehicle_plate"],
  [/\bip\b|ip.?addr/i, "ip_address"],
  [/phone|tel|mobil|handy|broj|numri|number|numéro|τηλ|msisdn/i, "phone"],
];

/** A first guess for the mapping step, from the column's name or, without one, its first values. */
export function guessKind(header: string | null, samples: string[]): BulkKind | "ignore" {
  if (header) for (const [re, kind] of HEADER_HINTS) if (re.test(header)) return kind;
  const values = samples.filter(Boolean);
  if (values.length === 0) return "ignore";
  const all = (re: RegExp) => values.every((v) => re.test(v));
  if (all(/^[^@\s]+@[^@\s]+\.[^@\s]+$/)) return "email";
  if (all(/^[A-Z]{2}\d{2}[A-Z0-9 ]{10,32}$/i)) return "iban";
  if (all(/^\+?[\d\s().\/-]{7,20}$/)) return "phone";
  return "ignore";
}
