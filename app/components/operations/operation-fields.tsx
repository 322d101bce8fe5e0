import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CRIME_AREAS } from "../../domain/vocabulary";
import { Field, FieldError } from "../ui/field";

export interface AgencyOption {
  id: string;
  name: string;
  country: string;
  kind: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

export interface OperationFieldSet {
  codeName: AnyField;
  summary: AnyField;
  crimeAreas: AnyField;
  leadAgencyId: AnyField;
  agencyIds: AnyField;
  jitReference: AnyField;
  jitStart: AnyField;
  jitEnd: AnyField;
  status: AnyField;
}

function byCountry(agencies: AgencyOption[]): [string, AgencyOption[]][] {
  const groups = new Map<string, AgencyOption[]>();
  for (const a of agencies) groups.set(a.country, [...(groups.get(a.country) ?? []), a]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
}

/** The fields of an operation, shared by the create page and the leads' edit form. */
export function OperationFields({ fields, agencies, statuses }: { fields: OperationFieldSet; agencies: AgencyOption[]; statuses: readonly string[] }) {
  const { t } = useTranslation(["operations", "common"]);
  const participating = new Set(asList(fields.agencyIds.initialValue));
  const groups = byCountry(agencies);
  return (
    <>
      <div className="grid grid-2">
        <Field label={t("operations:fields.code_name")} htmlFor={fields.codeName.id} hint={t("operations:fields.code_name_hint")} errors={fields.codeName.errors} errorId={fields.codeName.errorId}>
          <input className="input" {...getInputProps(fields.codeName, { type: "text" })} maxLength={80} autoComplete="off" />
        </Field>
        <Field label={t("operations:fields.status")} htmlFor={fields.status.id} errors={fields.status.errors} errorId={fields.status.errorId}>
          <select className="select" {...getSelectProps(fields.status)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`operations:status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t("operations:fields.summary")} htmlFor={fields.summary.id} hint={t("operations:fields.summary_hint")} errors={fields.summary.errors} errorId={fields.summary.errorId}>
        <textarea className="textarea" rows={5} {...getTextareaProps(fields.summary)} maxLength={4000} />
      </Field>
      <fieldset className="op-fieldset" aria-describedby={fields.crimeAreas.errors ? fields.crimeAreas.errorId : undefined}>
        <legend>{t("operations:fields.crime_areas")}</legend>
        <div className="checks op-checks">
          {getCollectionProps(fields.crimeAreas, { type: "checkbox", options: [...CRIME_AREAS] }).map(({ key, ...props }) => (
            <label key={key} htmlFor={props.id}>
              <input {...props} />
              {t(`operations:crime_area.${props.value}`)}
            </label>
          ))}
        </div>
        <FieldError id={fields.crimeAreas.errorId} errors={fields.crimeAreas.errors} />
      </fieldset>
      <Field label={t("operations:fields.lead_agency")} htmlFor={fields.leadAgencyId.id} errors={fields.leadAgencyId.errors} errorId={fields.leadAgencyId.errorId}>
        <select className="select" {...getSelectProps(fields.leadAgencyId)}>
          <option value="">{t("operations:fields.choose_agency")}</option>
          {groups.map(([country, list]) => (
            <optgroup key={country} label={country}>
              {list.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.country})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <fieldset className="op-fieldset" aria-describedby={fields.agencyIds.errors ? fields.agencyIds.errorId : undefined}>
        <legend>{t("operations:fields.participating_agencies")}</legend>
        <p className="hint">{t("operations:fields.participating_hint")}</p>
        <div className="op-agency-groups">
          {groups.map(([country, list]) => (
            <div key={country} className="op-agency-group" role="group" aria-label={country}>
              <span className="country">{country}</span>
              {list.map((a) => {
                const id = `${fields.agencyIds.id}-${a.id}`;
                return (
                  <label key={a.id} htmlFor={id}>
                    <input id={id} type="checkbox" name={fields.agencyIds.name} value={a.id} defaultChecked={participating.has(a.id)} form={fields.agencyIds.formId} />
                    {a.name}
                  </label>
                );
              })}
            </div>
          ))}
        </div>
        <FieldError id={fields.agencyIds.errorId} errors={fields.agencyIds.errors} />
      </fieldset>
      <div className="grid grid-3">
        <Field label={t("operations:fields.jit_reference")} htmlFor={fields.jitReference.id} hint={t("operations:fields.jit_reference_hint")} errors={fields.jitReference.errors} errorId={fields.jitReference.errorId}>
          <input className="input" {...getInputProps(fields.jitReference, { type: "text" })} maxLength={120} autoComplete="off" />
        </Field>
        <Field label={t("operations:fields.jit_start")} htmlFor={fields.jitStart.id} errors={fields.jitStart.errors} errorId={fields.jitStart.errorId}>
          <input className="input" {...getInputProps(fields.jitStart, { type: "date" })} />
        </Field>
        <Field label={t("operations:fields.jit_end")} htmlFor={fields.jitEnd.id} errors={fields.jitEnd.errors} errorId={fields.jitEnd.errorId}>
          <input className="input" {...getInputProps(fields.jitEnd, { type: "date" })} />
        </Field>
      </div>
    </>
  );
}

/** Just the agreement and status, for the administrator's form; the container lays the four fields out. */
export function AgreementFields({ fields, statuses }: { fields: Pick<OperationFieldSet, "jitReference" | "jitStart" | "jitEnd" | "status">; statuses: readonly string[] }) {
  const { t } = useTranslation(["operations", "common"]);
  return (
    <>
      <Field label={t("operations:fields.jit_reference")} htmlFor={fields.jitReference.id} errors={fields.jitReference.errors} errorId={fields.jitReference.errorId}>
        <input className="input" {...getInputProps(fields.jitReference, { type: "text" })} maxLength={120} autoComplete="off" />
      </Field>
      <Field label={t("operations:fields.jit_start")} htmlFor={fields.jitStart.id} errors={fields.jitStart.errors} errorId={fields.jitStart.errorId}>
        <input className="input" {...getInputProps(fields.jitStart, { type: "date" })} />
      </Field>
      <Field label={t("operations:fields.jit_end")} htmlFor={fields.jitEnd.id} errors={fields.jitEnd.errors} errorId={fields.jitEnd.errorId}>
        <input className="input" {...getInputProps(fields.jitEnd, { type: "date" })} />
      </Field>
      <Field label={t("operations:fields.status")} htmlFor={fields.status.id} errors={fields.status.errors} errorId={fields.status.errorId}>
        <select className="select" {...getSelectProps(fields.status)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`operations:status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
