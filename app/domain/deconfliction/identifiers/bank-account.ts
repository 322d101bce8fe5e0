/**
 * National bank account (where there is no IBAN, or the officer has the
 * domestic form): country + bank code + account number.
 *
 * Key: "<country>:<bank code>:<account number>", both numbers upper-cased and
 * stripped of separators, the account number also of leading zeros. Leading
 * zeros carry no meaning in the account numbering of the region and are
 * written inconsistently: the Serbian short form "260-56010016113-79" is the
 * same account as "260-0056010016113-79".
 *
 * iban.ts derives the same key from an IBAN (bank identifier + the rest of
 * the BBAN) as an alternate key, so an IBAN and its domestic form hit each
 * other where the national bank code is the IBAN's bank identifier (RS, MK,
 * AL, BA, AT, DE, HU …; not, e.g., UK sort codes).
 */
import { z } from "zod";
import { countrySchema, textField } from "./fields";
import { fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const bankAccountInput = z.object({
  country: countrySchema,
  bankCode: textField(34),
  accountNumber: textField(64),
});
export type BankAccountInput = z.infer<typeof bankAccountInput>;

const SEPARATORS = /[\s\-./_:]/g;

export function bankAccountKey(country: string, bankCode: string, accountNumber: string): string {
  const bank = bankCode.replace(SEPARATORS, "").toUpperCase();
  const account = accountNumber.replace(SEPARATORS, "").toUpperCase().replace(/^0+(?=.)/, "");
  return `${country}:${bank}:${account}`;
}

export function normalise(input: BankAccountInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const bank = input.bankCode.replace(SEPARATORS, "").toUpperCase();
  const account = input.accountNumber.replace(SEPARATORS, "").toUpperCase();
  if (!/^[A-Z0-9]{1,34}$/.test(bank)) return fail("bank_code_invalid");
  if (!/^[A-Z0-9]{1,64}$/.test(account) || !/\d/.test(account)) return fail("account_number_invalid");
  if (/^0+$/.test(account)) return fail("account_number_invalid");
  return ok(bankAccountKey(input.country, bank, account), `${input.country} ${bank} ${account}`);
}
