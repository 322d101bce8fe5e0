import { useTranslation } from "react-i18next";
import { INTL_LOCALE } from "../../i18n/config";
import { useRootData } from "../../utils/root-data";

const KNOWN = new Set([
  "same_identifier",
  "names_similar",
  "names_different",
  "spelling_not_confirmed",
  "same_date_of_birth",
  "date_of_birth_day_month_swapped",
  "different_date_of_birth",
  "date_of_birth_placeholder",
  "same_birth_year",
  "birth_year_close",
  "different_birth_year",
  "same_nationality",
  "different_nationality",
  "different_sex",
  "places_overlap",
  "places_within_buffer",
  "windows_overlap",
  "windows_within_buffer",
]);
const DETAILS = new Set(["exact", "after_transliteration", "name_variant", "spelling"]);

/** A score as the reader writes decimals: 0.93, 0,93. */
export function useScoreFormat() {
  const { lng } = useRootData();
  const fmt = new Intl.NumberFormat(INTL_LOCALE[lng], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (n: number) => fmt.format(n);
}

/**
 * A hit's reasons in the reader's words: "names 0.93 after transliteration;
 * same date of birth". Reasons carry codes and numbers only (never the other
 * side's values), so nothing here can leak.
 */
export function useReasonText() {
  const { t } = useTranslation("deconfliction");
  const score = useScoreFormat();
  return (reasons: unknown[]): string =>
    reasons
      .map((r) => {
        const reason = (r ?? {}) as { code?: unknown; value?: unknown; detail?: unknown };
        const code = typeof reason.code === "string" && KNOWN.has(reason.code) ? reason.code : "unknown";
        const value = typeof reason.value === "number" ? score(reason.value) : "";
        const detail = typeof reason.detail === "string" && DETAILS.has(reason.detail) ? t(`name_detail.${reason.detail}`) : "";
        return t(`reasons.${code}`, { score: value, detail }).replace(/\s+/g, " ").trim();
      })
      .join("; ");
}
