import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { AGENCY_KINDS } from "../../domain/vocabulary";
import { Field } from "../ui/field";
import { CountrySelect, type CountryOption } from "./country-select";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

/** An agency's fields: the create page and the edit page. */
export function AgencyFields({ fields, countries }: { fields: { name: AnyField; country: AnyField; kind: AnyField }; countries: CountryOption[] }) {
  const { t } = useTranslation(["admin", "common"]);
  return (
    <>
      <Field label={t("admin:agencies.fields.name")} htmlFor={fields.name.id} hint={t("admin:agencies.fields.name_hint")} errors={fields.name.errors} errorId={fields.name.errorId}>
        <input className="input" {...getInputProps(fields.name, { type: "text" })} maxLength={120} autoComplete="off" />
      </Field>
      <div className="grid grid-2">
        <Field label={t("admin:agencies.fields.country")} htmlFor={fields.country.id} errors={fields.country.errors} errorId={fields.country.errorId}>
          <CountrySelect countries={countries} placeholder={t("admin:agencies.fields.choose_country")} {...getSelectProps(fields.country)} />
        </Field>
        <Field label={t("admin:agencies.fields.kind")} htmlFor={fields.kind.id} errors={fields.kind.errors} errorId={fields.kind.errorId}>
          <select className="select" {...getSelectProps(fields.kind)}>
            <option value="">{t("admin:agencies.fields.choose_kind")}</option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`common:agency_kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </>
  );
}
