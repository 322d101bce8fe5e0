import type { InitOptions } from "i18next";
import { UI_LANGUAGES, type UiLanguage } from "../domain/vocabulary";
import { resources } from "./resources";

export const NAMESPACES = ["common", "auth", "integration", "dashboard", "operations", "admin", "audit", "account", "live", "notifications", "boards", "planning", "bulk", "chat", "deconfliction"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  sq: "Shqip",
  sr: "Srpski (latinica)",
  el: "Ελληνικά",
};

/** The locale Intl formats with: Serbian is written in Latin script here. */
export const INTL_LOCALE: Record<UiLanguage, string> = {
  en: "en-GB",
  de: "de-DE",
  fr: "fr-FR",
  sq: "sq-AL",
  sr: "sr-Latn-RS",
  el: "el-GR",
};

export const LANGUAGE_COOKIE = "concordia_lng";

export function isLanguage(v: unknown): v is UiLanguage {
  return typeof v === "string" && (UI_LANGUAGES as readonly string[]).includes(v);
}

/** Picks the first supported language of an Accept-Language header. */
export function languageFromAcceptHeader(header: string | null): UiLanguage | null {
  if (!header) return null;
  const tags = header
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: (tag ?? "").toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const base = tag.split("-")[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

export function i18nOptions(lng: UiLanguage): InitOptions {
  return {
    lng,
    fallbackLng: "en",
    supportedLngs: [...UI_LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: "common",
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  };
}
