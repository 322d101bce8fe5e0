import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { IdentifierKind } from "../../domain/deconfliction/identifiers/kinds";
import { HANDLING_CODES } from "../../domain/vocabulary";
import type { CountryOption } from "../admin/country-select";
import { CountrySelect } from "../admin/country-select";
import { FieldError } from "../ui/field";
import { KIND_FIELDS, errorsFor, type FormValues } from "./identifier-form";

/**
 * The inputs of one identifier kind, named "value.<key>" for valueFromForm(),
 * each with its own translated errors. `idPrefix` keeps ids unique when two
 * forms are on one page.
 */
export function IdentifierFields({
  kind,
  countries,
  defaults = {},
  errors,
  idPrefix,
}: {
  kind: IdentifierKind;
  countries: CountryOption[];
  defaults?: FormValues;
  errors?: Record<string, string[]>;
  idPrefix: string;
}) {
  const { t } = useTranslation("deconfliction");
  return (
    <div className="dc-fields">
      {KIND_FIELDS[kind].map((f) => {
        const id = `${idPrefix}-${f.key}`;
        const errs = errorsFor(kind, errors, f.key);
        const errorId = errs ? `${id}-error` : undefined;
        const hintId = f.hint ? `${id}-hint` : undefined;
        const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
        const common = {
          id,
          name: `value.${f.key}`,
          defaultValue: defaults[`value.${f.key}`] ?? "",
          "aria-invalid": errs ? true : undefined,
          "aria-describedby": describedBy,
          required: !f.optional && f.type !== "select" && f.type !== "country" ? true : undefined,
        };
        let control;
        if (f.type === "country") {
          control = <CountrySelect {...common} countries={countries} placeholder={f.optional ? t("fields.any_country") : t("fields.choose")} />;
        } else if (f.type === "select") {
          control = (
            <select className="select" {...common}>
              <option value="">{f.optional ? "—" : t("fields.choose")}</option>
              {f.options!.map((o) => (
                <option key={o} value={o}>
                  {t(`${f.optionLabels}.${o}`)}
                </option>
              ))}
            </select>
          );
        } else if (f.type === "lines") {
          control = <textarea className="textarea dc-lines" rows={2} {...common} />;
        } else {
          control = (
            <input
              className={`input${f.mono ? " mono" : ""}`}
              type={f.type === "number" ? "text" : f.type === "date" ? "date" : f.type === "email" ? "email" : "text"}
              inputMode={f.type === "number" ? "decimal" : undefined}
              placeholder={f.placeholder}
              autoComplete="off"
              spellCheck={false}
              {...common}
            />
          );
        }
        return (
          <div key={`${kind}-${f.key}`} className={`field${f.wide ? " dc-wide" : ""}`}>
            <label htmlFor={id}>
              {t(f.label)}
              {f.optional ? <span className="dc-optional"> · {t("fields.optional")}</span> : null}
            </label>
            {control}
            {f.hint ? (
              <span className="hint" id={hintId}>
                {t(f.hint)}
              </span>
            ) : null}
            <FieldError id={errorId} errors={errs} />
          </div>
        );
      })}
    </div>
  );
}

/** Note and handling code, shared by the register and edit forms. */
export function NoteAndHandling({ idPrefix, defaults = {}, errors }: { idPrefix: string; defaults?: FormValues; errors?: Record<string, string[]> }) {
  const { t } = useTranslation("deconfliction");
  return (
    <div className="dc-fields">
      <div className="field dc-wide">
        <label htmlFor={`${idPrefix}-note`}>
          {t("fields.note")}
          <span className="dc-optional"> · {t("fields.optional")}</span>
        </label>
        <textarea
          id={`${idPrefix}-note`}
          name="note"
          className="textarea dc-lines"
          rows={2}
          maxLength={2000}
          defaultValue={defaults.note ?? ""}
          aria-describedby={`${idPrefix}-note-hint`}
          aria-invalid={errors?.note ? true : undefined}
        />
        <span className="hint" id={`${idPrefix}-note-hint`}>
          {t("fields.note_hint")}
        </span>
        <FieldError errors={errors?.note} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-handling`}>{t("fields.handling_code")}</label>
        <select id={`${idPrefix}-handling`} name="handlingCode" className="select" defaultValue={defaults.handlingCode ?? "H0"}>
          {HANDLING_CODES.map((c) => (
            <option key={c} value={c}>
              {t(`handling.${c}`)}
            </option>
          ))}
        </select>
        <FieldError errors={errors?.handlingCode} />
      </div>
    </div>
  );
}

/** The kind picker; a change re-renders the fields (the page keeps the kind in the URL). */
export function KindSelect({ id, value, onChange, name = "kind", includeAll }: { id: string; value: string; onChange?: (kind: string) => void; name?: string; includeAll?: string }) {
  const { t } = useTranslation("deconfliction");
  return (
    <select id={id} name={name} className="select" value={onChange ? value : undefined} defaultValue={onChange ? undefined : value} onChange={onChange ? (e) => onChange(e.target.value) : undefined}>
      {includeAll !== undefined ? <option value="">{includeAll}</option> : null}
      {Object.keys(KIND_FIELDS).map((k) => (
        <option key={k} value={k}>
          {t(`kinds.${k}`)}
        </option>
      ))}
    </select>
  );
}

/**
 * The kind picker above an identifier form: the form's fields follow the kind at once, and
 * the URL keeps it (`param`), so a reload or a shared link opens the same form. Without
 * JavaScript it is a GET form with a button, keeping the page's other parameters.
 */
export function KindPicker({ id, param, value, onChange }: { id: string; param: string; value: string; onChange: (kind: string) => void }) {
  const { t } = useTranslation("deconfliction");
  const [params, setParams] = useSearchParams();
  return (
    <Form method="get" className="dc-kind-row" preventScrollReset>
      {[...params.entries()]
        .filter(([k]) => k !== param)
        .map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
      <div className="field">
        <label htmlFor={id}>{t("fields.kind")}</label>
        <KindSelect
          id={id}
          name={param}
          value={value}
          onChange={(k) => {
            onChange(k);
            const next = new URLSearchParams(params);
            next.set(param, k);
            setParams(next, { replace: true, preventScrollReset: true });
          }}
        />
      </div>
      <noscript>
        <button type="submit" className="btn">
          {t("targets.change_kind")}
        </button>
      </noscript>
    </Form>
  );
}
