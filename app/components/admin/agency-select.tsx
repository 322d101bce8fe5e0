import type { SelectHTMLAttributes } from "react";

export interface AgencyOption {
  id: string;
  name: string;
  country: string;
}

/** Agencies grouped by country, each group labelled with the country's name. */
export function AgencySelect({
  agencies,
  countryNames,
  placeholder,
  ...props
}: { agencies: AgencyOption[]; countryNames: Record<string, string>; placeholder?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const groups = new Map<string, AgencyOption[]>();
  for (const a of agencies) groups.set(a.country, [...(groups.get(a.country) ?? []), a]);
  return (
    <select className="select" {...props}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {[...groups].map(([country, list]) => (
        <optgroup key={country} label={`${countryNames[country] ?? country} (${country})`}>
          {list.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
