import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Translates a validation message: "validation.too_small|{"count":12}" -> the localised text. */
export function useErrorText() {
  const { t } = useTranslation("common");
  return (message: string) => {
    const [key, params] = message.split("|");
    let values: Record<string, unknown> = {};
    try {
      values = params ? JSON.parse(params) : {};
    } catch {
      values = {};
    }
    return t(key ?? message, { ...values, defaultValue: t("validation.invalid") }) as string;
  };
}

export function FieldError({ id, errors }: { id?: string; errors?: string[] | null }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {errors.map(text).join(" ")}
    </p>
  );
}

export function FormErrors({ errors }: { errors?: string[] | null }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <div className="alert alert-error" role="alert">
      {errors.map((e) => (
        <div key={e}>{text(e)}</div>
      ))}
    </div>
  );
}

/** Label, control, hint and the field's errors, wired for screen readers. */
export function Field({
  label,
  htmlFor,
  hint,
  errors,
  errorId,
  children,
}: {
  label: ReactNode;
  htmlFor?: string;
  hint?: ReactNode;
  errors?: string[] | null;
  errorId?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span className="label">{label}</span>}
      {children}
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
