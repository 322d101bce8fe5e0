/** A person as deconfliction compares them: names (with aliases) and a few facts. */
export interface Person {
  /** Full names, the first being the main one; aliases follow. Any script. */
  names: string[];
  /** "YYYY-MM-DD" */
  dateOfBirth?: string;
  birthYear?: number;
  /** ISO 3166-1 alpha-2 */
  nationality?: string;
  sex?: "f" | "m" | "x";
}

/** How two names were found similar, most significant first. */
export const NAME_MATCH_DETAILS = ["exact", "after_transliteration", "name_variant", "spelling"] as const;
export type NameMatchDetail = (typeof NAME_MATCH_DETAILS)[number];

/**
 * Why two persons scored as they did. Codes are translated by the UI
 * ("deconfliction:reasons.<code>"); no reason carries the other record's
 * content, so a hit can be explained without leaking the other operation.
 */
export type Reason =
  | { code: "names_similar"; value: number; detail: NameMatchDetail }
  | { code: "names_different"; value: number }
  | { code: "spelling_not_confirmed" }
  | { code: "same_date_of_birth" }
  | { code: "date_of_birth_day_month_swapped" }
  | { code: "different_date_of_birth" }
  | { code: "date_of_birth_placeholder" }
  | { code: "same_birth_year" }
  | { code: "birth_year_close" }
  | { code: "different_birth_year" }
  | { code: "same_nationality" }
  | { code: "different_nationality" }
  | { code: "different_sex" };

export type ReasonCode = Reason["code"];
