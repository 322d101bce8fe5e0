import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * A new token's secret, shown exactly once. The read-only field works without
 * JavaScript (select and copy by hand); with JavaScript a button copies it.
 */
export function ApiTokenSecret({ secret, name, agency, prefix }: { secret: string; name: string; agency: string; prefix: string }) {
  const { t } = useTranslation("integration");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(true), []);

  async function copy() {
    const el = input.current;
    if (!el) return;
    el.focus();
    el.select();
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // no clipboard API outside a secure context: fall back to the selection
      setCopied(document.execCommand("copy"));
    }
  }

  return (
    <section className="card admin-link" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("integration:secret.title")}</h2>
      <p>{t("integration:secret.for", { name, agency, prefix })}</p>
      <label htmlFor={id} className="label">
        {t("integration:secret.label")}
      </label>
      <div className="admin-link-row">
        <input ref={input} id={id} className="input mono" type="text" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} aria-describedby={`${id}-once`} data-testid="api-token-secret" />
        {canCopy ? (
          <button type="button" className="btn btn-primary" onClick={copy}>
            {copied ? t("integration:secret.copied") : t("integration:secret.copy")}
          </button>
        ) : null}
      </div>
      <span className="sr-only" aria-live="polite">
        {copied ? t("integration:secret.copied") : ""}
      </span>
      <p className="small muted">{t("integration:secret.usage")}</p>
      <pre className="api-token-usage mono small">Authorization: Bearer {prefix}_…</pre>
      <div className="alert alert-warning" id={`${id}-once`}>
        <strong>{t("integration:secret.once_title")}</strong> {t("integration:secret.once_body")}
      </div>
    </section>
  );
}
