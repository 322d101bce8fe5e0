// The command line speaks English: validation keys are rendered through i18next
// with the same English texts the web pages show.
import i18next from "i18next";
import enAdmin from "../locales/en/admin.json";
import enCommon from "../locales/en/common.json";

const i18n = i18next.createInstance();
void i18n.init({
  lng: "en",
  fallbackLng: "en",
  ns: ["common", "admin"],
  defaultNS: "common",
  resources: { en: { common: enCommon, admin: enAdmin } },
  interpolation: { escapeValue: false },
  initImmediate: false,
});

/** "validation.too_small|{"count":2}" -> "Enter at least 2 characters." */
export function message(key: string): string {
  const [k, params] = key.split("|");
  let values: Record<string, unknown> = {};
  try {
    values = params ? JSON.parse(params) : {};
  } catch {
    values = {};
  }
  return i18n.t(k ?? key, { ...values, defaultValue: key });
}

export function conflictMessage(reason: string): string {
  return message(reason.includes(":") ? reason : `errors.${reason}`);
}
