/**
 * Online accounts: platform + handle. Key "<platform>:<handle>".
 *
 * The handle is what is left of a profile URL (https://www.instagram.com/x/,
 * t.me/x, tiktok.com/@x, facebook.com/profile.php?id=…), without a leading
 * "@", lower-cased (all listed platforms treat handles case-insensitively).
 * Facebook ignores dots in user names, so they are dropped there.
 * WhatsApp and Viber accounts are phone numbers: the handle is normalised like
 * a phone (phone.ts, with the operation's country) and the key carries the
 * E.164 number. Signal accepts a phone number or a user name.
 */
import { z } from "zod";
import { textField } from "./fields";
import { normalise as normalisePhone } from "./phone";
import { errorKey, fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const ONLINE_PLATFORMS = ["facebook", "instagram", "telegram", "whatsapp", "tiktok", "x", "viber", "signal", "other"] as const;
export type OnlinePlatform = (typeof ONLINE_PLATFORMS)[number];

export const onlineAccountInput = z.object({
  platform: z.enum(ONLINE_PLATFORMS, { errorMap: () => ({ message: errorKey("platform_invalid") }) }),
  handle: textField(200),
});
export type OnlineAccountInput = z.infer<typeof onlineAccountInput>;

const URL_PREFIX =
  /^(?:https?:\/\/)?(?:www\.|m\.|mobile\.|web\.|vm\.)?(?:facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|t\.me|telegram\.me|telegram\.dog|tiktok\.com|twitter\.com|x\.com|wa\.me|api\.whatsapp\.com\/send\?phone=|viber\.click|signal\.me\/#p)\/?/i;

const HANDLE_RULES: Partial<Record<OnlinePlatform, RegExp>> = {
  telegram: /^[a-z0-9_]{4,32}$/,
  instagram: /^[a-z0-9._]{1,30}$/,
  tiktok: /^[a-z0-9._]{2,24}$/,
  x: /^[a-z0-9_]{1,15}$/,
  facebook: /^[a-z0-9]{1,50}$/,
};

function looksLikePhone(text: string): boolean {
  return /^\+?[\d\s().\-/]{6,}$/.test(text);
}

export function normalise(input: OnlineAccountInput, ctx: NormaliseContext = {}): NormaliseResult {
  const platform = input.platform;
  let handle = input.handle.trim();
  const profileId = /facebook\.com\/profile\.php\?id=(\d+)/i.exec(handle);
  if (profileId) handle = profileId[1]!;
  handle = handle.replace(URL_PREFIX, "");
  if (platform !== "whatsapp" && platform !== "viber" && platform !== "signal") handle = handle.replace(/[?#].*$/, "");
  handle = handle.replace(/\/+$/, "").replace(/^@/, "");

  if (platform === "whatsapp" || platform === "viber" || (platform === "signal" && looksLikePhone(handle))) {
    const digits = handle.replace(/[?&#].*$/, "");
    // wa.me links carry the number without "+"
    const number = /^\d{8,15}$/.test(digits) && input.handle.includes("wa.me") ? `+${digits}` : digits;
    const phone = normalisePhone({ number }, ctx);
    if (!phone.ok) return fail("online_account_phone_invalid");
    return ok(`${platform}:${phone.value}`, `${platform} ${phone.display}`);
  }

  handle = handle.toLowerCase();
  if (platform === "facebook") handle = handle.replace(/\./g, "");
  if (!handle || /\s|\//.test(handle)) return fail("online_account_handle_invalid");
  const rule = HANDLE_RULES[platform];
  if (rule && !rule.test(handle)) return fail("online_account_handle_invalid");
  if (handle.length > 100) return fail("online_account_handle_invalid");
  return ok(`${platform}:${handle}`, `${platform} @${handle}`);
}
