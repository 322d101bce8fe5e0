import { INTL_LOCALE, isLanguage } from "../i18n/config";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lng: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lng}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    const locale = isLanguage(lng) ? INTL_LOCALE[lng] : "en-GB";
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    }
    cache.set(key, f);
  }
  return f;
}

/** A UTC instant shown in the reader's time zone and language. */
export function formatDateTime(value: string | Date | null | undefined, lng: string, timeZone: string): string {
  if (!value) return "";
  return formatter(lng, timeZone, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

export function formatDate(value: string | Date | null | undefined, lng: string, timeZone: string): string {
  if (!value) return "";
  return formatter(lng, timeZone, { dateStyle: "medium" }).format(new Date(value));
}

/** A calendar date (YYYY-MM-DD, no time zone) such as a JIT agreement's end. */
export function formatCalendarDate(value: string | null | undefined, lng: string): string {
  if (!value) return "";
  return formatter(lng, "UTC", { dateStyle: "medium" }).format(new Date(`${value}T00:00:00Z`));
}

export function timeZoneName(lng: string, timeZone: string, at = new Date()): string {
  const part = formatter(lng, timeZone, { timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
