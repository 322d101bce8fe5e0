import { useId, useMemo, useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

export interface Mentionable {
  id: string;
  name: string;
  country: string;
}

// letters NFD does not split into base and accent, so "dor" finds "Đorđe"
const BASE: Record<string, string> = { đ: "d", ł: "l", ø: "o", ħ: "h", ı: "i", ς: "σ" };
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[đłøħıς]/g, (c) => BASE[c]!);

/** The "@query" being typed right before the caret, if any. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const m = /(?:^|\s)@([\p{L}\p{M}'.-]{0,30}(?: [\p{L}\p{M}'.-]{0,30})?)$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[1]!.length - 1, query: m[1]! };
}

/** Members whose name (or a word of it) starts with the query; at most eight. */
export function matchMembers<T extends Mentionable>(members: T[], query: string): T[] {
  const q = fold(query.trim());
  return members
    .filter((m) => {
      if (!q) return true;
      const name = fold(m.name);
      return name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q));
    })
    .slice(0, 8);
}

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "onChange" | "value"> {
  id: string;
  name: string;
  members: Mentionable[];
  /** called with a member chosen from the list (the comment form ticks them as mentioned) */
  onMention?(member: Mentionable): void;
}

/**
 * A textarea that offers the operation's members after "@": arrow keys move through
 * the list, Enter or Tab inserts "@Name", Escape closes it. The list is announced
 * through aria-activedescendant, so focus stays in the text.
 */
export function MentionTextarea({ id, name, members, onMention, defaultValue, ...rest }: Props) {
  const { t } = useTranslation("boards");
  const listId = `${useId()}-mentions`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(String(defaultValue ?? ""));
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const options = useMemo(() => (query ? matchMembers(members, query.query) : []), [members, query]);
  const open = query !== null && options.length > 0;

  const refresh = (text: string, caret: number) => {
    const q = mentionQueryAt(text, caret);
    setQuery(q);
    setActive(0);
  };

  const choose = (m: Mentionable) => {
    const el = ref.current;
    if (!el || !query) return;
    const caret = el.selectionStart ?? value.length;
    const inserted = `@${m.name} `;
    const next = value.slice(0, query.start) + inserted + value.slice(caret);
    setValue(next);
    setQuery(null);
    onMention?.(m);
    const at = query.start + inserted.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      choose(options[active]!);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setQuery(null);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="mention-field">
      <textarea
        {...rest}
        ref={ref}
        id={id}
        name={name}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => refresh(value, e.currentTarget.selectionStart ?? value.length)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
      />
      {open ? (
        <ul id={listId} role="listbox" className="mention-list" aria-label={t("boards:mentions.list")} data-testid="mention-list">
          {options.map((m, i) => (
            <li
              key={m.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              // mousedown, not click: the textarea keeps focus and its caret
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              {m.name} <span className="muted small">{m.country}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {open ? t("boards:mentions.count", { count: options.length }) : ""}
      </p>
    </div>
  );
}
