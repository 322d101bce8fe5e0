/**
 * IBAN → electronic format (no spaces, upper case) after ibantools has checked
 * the country, the BBAN length and format, and the mod-97 checksum (and the
 * national checksum where ibantools knows it). "IBAN" / "IBAN:" in front and
 * any spaces, dots or dashes are dropped. The display is the print format in
 * groups of four. The domestic account key (bank-account.ts) is offered as an
 * alternate key.
 */
import { extractIBAN, friendlyFormatIBAN, validateIBAN, ValidationErrorsIBAN } from "ibantools";
import { z } from "zod";
import { bankAccountKey } from "./bank-account";
import { textField } from "./fields";
import { fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const ibanInput = z.object({ iban: textField(64) });
export type IbanInput = z.infer<typeof ibanInput>;

export function normalise(input: IbanInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const compact = input.iban
    .trim()
    .replace(/^iban\s*:?\s*/i, "")
    .replace(/[\s\-./\u00a0]/g, "")
    .toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return fail("iban_format");
  const result = validateIBAN(compact);
  if (!result.valid) {
    const codes = result.errorCodes;
    if (codes.includes(ValidationErrorsIBAN.NoIBANCountry)) return fail("iban_country_unknown");
    if (codes.includes(ValidationErrorsIBAN.WrongBBANLength)) return fail("iban_length");
    if (codes.includes(ValidationErrorsIBAN.WrongBBANFormat)) return fail("iban_format");
    if (codes.includes(ValidationErrorsIBAN.WrongIBANChecksum) || codes.includes(ValidationErrorsIBAN.ChecksumNotNumber)) {
      return fail("iban_checksum");
    }
    if (codes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)) return fail("iban_national_checksum");
    return fail("iban_invalid");
  }
  const parts = extractIBAN(compact);
  const alternateKeys: string[] = [];
  if (parts.bankIdentifier && parts.bban && parts.countryCode) {
    const account = parts.bban.slice(parts.bankIdentifier.length);
    if (/[1-9A-Z]/.test(account)) alternateKeys.push(bankAccountKey(parts.countryCode, parts.bankIdentifier, account));
  }
  return ok(compact, friendlyFormatIBAN(compact) ?? compact, { alternateKeys });
}
