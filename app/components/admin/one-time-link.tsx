import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../utils/format";
import { useRootData } from "../../utils/root-data";

/**
 * A set-password link shown exactly once. The read-only field works without
 * JavaScript (select and copy by hand); with JavaScript a button copies it.
 */
export function OneTimeLink({ link, expiresAt, title, name, email }: { link: string; expiresAt: string; title: string; name: string; email: string }) {
  const { t } = useTranslation("admin");
  const { lng, timeZone } = useRootData();
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
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // no clipboard API outside a secure context: fall back to the selection
      setCopied(document.execCommand("copy"));
    }
  }

  return (
    <section className="card admin-link" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{t("admin:link.for", { name, email })}</p>
      <label htmlFor={id} className="label">
        {t("admin:link.label")}
      </label>
      <div className="admin-link-row">
        <input ref={input} id={id} className="input mono" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} aria-describedby={`${id}-once`} />
        {canCopy ? (
          <button type="button" className="btn btn-primary" onClick={copy}>
            {copied ? t("admin:link.copied") : t("admin:link.copy")}
          </button>
        ) : null}
      </div>
      <span className="sr-only" aria-live="polite">
        {copied ? t("admin:link.copied") : ""}
      </span>
      <p className="small muted">{t("admin:link.expires", { date: formatDateTime(expiresAt, lng, timeZone) })}</p>
      <div className="alert alert-warning" id={`${id}-once`}>
        <strong>{t("admin:link.once_title")}</strong> {t("admin:link.once_body")}
      </div>
    </section>
  );
}
