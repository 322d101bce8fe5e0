/**
 * The closed list of identifier kinds a target can be registered with.
 * Adding a kind is a reviewed change: a normaliser in this folder, its tests,
 * the database check constraint and the translations follow it.
 */
export const IDENTIFIER_KINDS = [
  "person",
  "phone",
  "imei",
  "imsi",
  "email",
  "iban",
  "bank_account",
  "crypto_wallet",
  "vehicle_plate",
  "vin",
  "document",
  "company",
  "address",
  "online_account",
  "ip_address",
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export function isIdentifierKind(value: string): value is IdentifierKind {
  return (IDENTIFIER_KINDS as readonly string[]).includes(value);
}
