import type { SelectHTMLAttributes } from "react";

export interface CountryOption {
  code: string;
  name: string;
}

/** A country pick list: names in the reader's language (computed by the loader), ISO codes as values. */
export function CountrySelect({ countries, placeholder, ...props }: { countries: CountryOption[]; placeholder?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select className="select" {...props}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name} ({c.code})
        </option>
      ))}
    </select>
  );
}

export function countryNames(countries: CountryOption[]): Record<string, string> {
  return Object.fromEntries(countries.map((c) => [c.code, c.name]));
}
