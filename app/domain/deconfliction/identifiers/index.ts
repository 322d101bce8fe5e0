/**
 * One entry per identifier kind: its input schema and its normaliser.
 * normaliseIdentifier() parses untrusted input and normalises it in one step,
 * returning the first schema message's code on bad input.
 */
import type { z } from "zod";
import * as address from "./address";
import * as bankAccount from "./bank-account";
import * as company from "./company";
import * as cryptoWallet from "./crypto-wallet";
import * as document from "./document";
import * as email from "./email";
import * as iban from "./iban";
import * as imei from "./imei";
import * as imsi from "./imsi";
import * as ipAddress from "./ip-address";
import type { IdentifierKind } from "./kinds";
import * as onlineAccount from "./online-account";
import * as person from "./person";
import * as phone from "./phone";
import { ERROR_KEY_PREFIX, fail, type NormaliseContext, type NormaliseResult } from "./result";
import * as vehiclePlate from "./vehicle-plate";
import * as vin from "./vin";

export interface IdentifierModule<S extends z.ZodTypeAny = z.ZodTypeAny> {
  schema: S;
  normalise: (input: z.output<S>, ctx?: NormaliseContext) => NormaliseResult;
}

function entry<S extends z.ZodTypeAny>(schema: S, normalise: (input: z.output<S>, ctx?: NormaliseContext) => NormaliseResult): IdentifierModule<S> {
  return { schema, normalise };
}

export const IDENTIFIERS = {
  person: entry(person.personInput, person.normalise),
  phone: entry(phone.phoneInput, phone.normalise),
  imei: entry(imei.imeiInput, imei.normalise),
  imsi: entry(imsi.imsiInput, imsi.normalise),
  email: entry(email.emailInput, email.normalise),
  iban: entry(iban.ibanInput, iban.normalise),
  bank_account: entry(bankAccount.bankAccountInput, bankAccount.normalise),
  crypto_wallet: entry(cryptoWallet.cryptoWalletInput, cryptoWallet.normalise),
  vehicle_plate: entry(vehiclePlate.vehiclePlateInput, vehiclePlate.normalise),
  vin: entry(vin.vinInput, vin.normalise),
  document: entry(document.documentInput, document.normalise),
  company: entry(company.companyInput, company.normalise),
  address: entry(address.addressInput, address.normalise),
  online_account: entry(onlineAccount.onlineAccountInput, onlineAccount.normalise),
  ip_address: entry(ipAddress.ipAddressInput, ipAddress.normalise),
} satisfies Record<IdentifierKind, { schema: z.ZodTypeAny; normalise: (input: never, ctx?: NormaliseContext) => NormaliseResult }>;

export type IdentifierInput<K extends IdentifierKind> = z.input<(typeof IDENTIFIERS)[K]["schema"]>;

/** Parse untrusted input for a kind and normalise it. */
export function normaliseIdentifier(kind: IdentifierKind, raw: unknown, ctx: NormaliseContext = {}): NormaliseResult {
  // each entry pairs a schema with the normaliser of that schema's output
  const mod = IDENTIFIERS[kind] as unknown as IdentifierModule;
  const parsed = mod.schema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "";
    return fail(message.startsWith(ERROR_KEY_PREFIX) ? message.slice(ERROR_KEY_PREFIX.length) : "invalid");
  }
  return mod.normalise(parsed.data, ctx);
}

/** Every key a normalised identifier can be found under. */
export function matchingKeys(result: NormaliseResult): string[] {
  return result.ok ? [result.value, ...(result.alternateKeys ?? [])] : [];
}

export { IDENTIFIER_KINDS, type IdentifierKind } from "./kinds";
export type { NormaliseContext, NormaliseResult } from "./result";
