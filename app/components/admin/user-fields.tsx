import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES } from "../../i18n/config";
import { OFFICE_ROLES, UI_LANGUAGES } from "../../domain/vocabulary";
import { Field } from "../ui/field";
import { AgencySelect, type AgencyOption } from "./agency-select";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

export interface UserFieldSet {
  name: AnyField;
  email: AnyField;
  agencyId: AnyField;
  officeRole: AnyField;
  phone: AnyField;
  languages: AnyField;
  timeZone: AnyField;
  locale: AnyField;
}

/** A user's profile fields: the invitation form and the administrator's edit form. */
export function UserFields({
  fields,
  agencies,
  countryNames,
  timeZones,
  roleLocked,
}: {
  fields: UserFieldSet;
  agencies: AgencyOption[];
  countryNames: Record<string, string>;
  timeZones: string[];
  /** Why the role cannot change (the last active administrator), shown as a hint. */
  roleLocked?: string | null;
}) {
  const { t } = useTranslation(["admin", "common"]);
  const listId = useId();
  const languagesValue = Array.isArray(fields.languages.initialValue) ? fields.languages.initialValue.join(", ") : fields.languages.initialValue;
  return (
    <>
      <div className="grid grid-2">
        <Field label={t("admin:fields.name")} htmlFor={fields.name.id} errors={fields.name.errors} errorId={fields.name.errorId}>
          <input className="input" {...getInputProps(fields.name, { type: "text" })} autoComplete="off" maxLength={120} />
        </Field>
        <Field label={t("admin:fields.email")} htmlFor={fields.email.id} errors={fields.email.errors} errorId={fields.email.errorId}>
          <input className="input" {...getInputProps(fields.email, { type: "email" })} autoComplete="off" maxLength={254} />
        </Field>
      </div>
      <div className="grid grid-2">
        <Field label={t("admin:fields.agency")} htmlFor={fields.agencyId.id} errors={fields.agencyId.errors} errorId={fields.agencyId.errorId}>
          <AgencySelect agencies={agencies} countryNames={countryNames} placeholder={t("admin:fields.choose_agency")} {...getSelectProps(fields.agencyId)} />
        </Field>
        <Field
          label={t("admin:fields.office_role")}
          htmlFor={fields.officeRole.id}
          hint={roleLocked ?? t("admin:fields.office_role_hint")}
          errors={fields.officeRole.errors}
          errorId={fields.officeRole.errorId}
        >
          <select className="select" {...getSelectProps(fields.officeRole)}>
            {OFFICE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid grid-2">
        <Field label={t("admin:fields.phone")} htmlFor={fields.phone.id} hint={t("admin:fields.phone_hint")} errors={fields.phone.errors} errorId={fields.phone.errorId}>
          <input className="input" {...getInputProps(fields.phone, { type: "tel" })} autoComplete="off" maxLength={40} />
        </Field>
        <Field
          label={t("admin:fields.languages")}
          htmlFor={fields.languages.id}
          hint={t("admin:fields.languages_hint")}
          errors={fields.languages.errors}
          errorId={fields.languages.errorId}
        >
          <input
            className="input"
            id={fields.languages.id}
            name={fields.languages.name}
            defaultValue={typeof languagesValue === "string" ? languagesValue : ""}
            key={fields.languages.key}
            aria-invalid={fields.languages.errors ? true : undefined}
            aria-describedby={fields.languages.errors ? fields.languages.errorId : undefined}
            autoComplete="off"
            maxLength={80}
          />
        </Field>
      </div>
      <div className="grid grid-2">
        <Field label={t("admin:fields.time_zone")} htmlFor={fields.timeZone.id} hint={t("admin:fields.time_zone_hint")} errors={fields.timeZone.errors} errorId={fields.timeZone.errorId}>
          <input className="input" {...getInputProps(fields.timeZone, { type: "text" })} list={`${listId}-zones`} autoComplete="off" spellCheck={false} />
          <datalist id={`${listId}-zones`}>
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        <Field label={t("admin:fields.locale")} htmlFor={fields.locale.id} errors={fields.locale.errors} errorId={fields.locale.errorId}>
          <select className="select" {...getSelectProps(fields.locale)}>
            {UI_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </>
  );
}
