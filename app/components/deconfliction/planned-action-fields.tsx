import { useTranslation } from "react-i18next";
import { PLANNED_ACTION_KINDS } from "../../domain/vocabulary";
import { FieldError } from "../ui/field";
import type { PlannedActionFormValues } from "./planned-form";

/** Kind, place and window of a planned action; times are read in the reader's zone. */
export function PlannedActionFields({ values, errors = {}, zone, idPrefix = "pa" }: { values: Partial<PlannedActionFormValues>; errors?: Record<string, string[]>; zone: string; idPrefix?: string }) {
  const { t } = useTranslation("planning");
  const input = (name: keyof PlannedActionFormValues, label: string, attrs: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) => {
    const id = `${idPrefix}-${name}`;
    const err = errors[name];
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={name}
          className="input"
          defaultValue={values[name] ?? ""}
          aria-invalid={err?.length ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : null, err?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
          {...attrs}
        />
        {hint ? (
          <span className="hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
        <FieldError id={`${id}-error`} errors={err} />
      </div>
    );
  };
  const kindId = `${idPrefix}-kind`;
  return (
    <div className="plan-fields">
      <div className="field">
        <label htmlFor={kindId}>{t("fields.kind")}</label>
        <select id={kindId} name="kind" className="select" defaultValue={values.kind || "raid"} aria-invalid={errors.kind?.length ? true : undefined}>
          {PLANNED_ACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
        <FieldError errors={errors.kind} />
      </div>
      {input("radiusM", t("fields.radius"), { inputMode: "numeric", type: "number", min: 1, max: 100000, step: 1, required: true }, t("fields.radius_hint"))}
      {input("lat", t("fields.latitude"), { inputMode: "decimal", autoComplete: "off", required: true }, t("fields.latitude_hint"))}
      {input("lon", t("fields.longitude"), { inputMode: "decimal", autoComplete: "off", required: true }, t("fields.longitude_hint"))}
      {input("startsAt", t("fields.starts_at", { zone }), { type: "datetime-local", required: true })}
      {input("endsAt", t("fields.ends_at", { zone }), { type: "datetime-local", required: true })}
    </div>
  );
}
