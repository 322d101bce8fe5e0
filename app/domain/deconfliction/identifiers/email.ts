/**
 * E-mail addresses → trimmed, lower-cased ("mailto:" dropped).
 *
 * The local part is technically case-sensitive, but no provider the office
 * meets treats it so, and officers copy addresses in every case.
 * Provider-specific equivalences are deliberately NOT applied: Gmail ignores
 * dots and "+tags" in the local part, but Outlook, GMX, web.de, mail.ru,
 * Yahoo and most national providers treat "a.b@" and "ab@" as two
 * different mailboxes. Stripping them would make different people's addresses
 * collide, and a deconfliction hit must not rest on a guess about a mail
 * server's rules; an analyst can still search for the variants.
 */
import { z } from "zod";
import { textField } from "./fields";
import { fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const emailInput = z.object({ email: textField(320) });
export type EmailInput = z.infer<typeof emailInput>;

const LOCAL = /^[^\s@"(),:;<>[\]\\]+$/u;
const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

export function normalise(input: EmailInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const text = input.email.trim().replace(/^mailto:/i, "").normalize("NFC").toLowerCase();
  const at = text.lastIndexOf("@");
  if (at <= 0 || text.indexOf("@") !== at) return fail("email_invalid");
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).replace(/\.$/, "");
  if (local.length > 64 || !LOCAL.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return fail("email_invalid");
  }
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return fail("email_invalid");
  if (!/^\p{L}{2,}$/u.test(labels[labels.length - 1]!) && !/^xn--[a-z0-9-]+$/.test(labels[labels.length - 1]!)) {
    return fail("email_invalid");
  }
  let asciiDomain: string;
  try {
    // WHATWG URL parsing applies IDNA (UTS #46), in browsers and Node alike
    asciiDomain = new URL(`http://${domain}`).hostname;
  } catch {
    return fail("email_invalid");
  }
  const value = `${local}@${asciiDomain}`;
  if (value.length > 254) return fail("email_invalid");
  return ok(value, `${local}@${domain}`);
}
