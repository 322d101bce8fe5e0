import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A secret (a token, a set-password link) shown exactly once. The read-only field works
 * without JavaScript (select and copy by hand); with JavaScript a button copies it.
 * `children` go between the field and the warning that it will not be shown again.
 */
export function ShownOnce(props: {
  title: string;
  intro: string;
  label: string;
  value: string;
  copy: string;
  copied: string;
  onceTitle: string;
  onceBody: string;
  testId?: string;
  children?: ReactNode;
}) {
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
      await navigator.clipboard.writeText(props.value);
      setCopied(true);
    } catch {
      // no clipboard API outside a secure context: fall back to the selection
      setCopied(document.execCommand("copy"));
    }
  }

  return (
    <section className="card admin-link" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <p>{props.intro}</p>
      <label htmlFor={id} className="label">
        {props.label}
      </label>
      <div className="admin-link-row">
        <input
          ref={input}
          id={id}
          className="input mono"
          type="text"
          readOnly
          value={props.value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={`${id}-once`}
          data-testid={props.testId}
        />
        {canCopy ? (
          <button type="button" className="btn btn-primary" onClick={copy}>
            {copied ? props.copied : props.copy}
          </button>
        ) : null}
      </div>
      <span className="sr-only" aria-live="polite">
        {copied ? props.copied : ""}
      </span>
      {props.children}
      <div className="alert alert-warning" id={`${id}-once`}>
        <strong>{props.onceTitle}</strong> {props.onceBody}
      </div>
    </section>
  );
}
