import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChatUserRef } from "../../domain/chat/types";
import { MESSAGE_BODY_MAX } from "../../domain/chat/schemas";
import { HANDLING_CODES, type HandlingCode } from "../../domain/vocabulary";
import { chatApi } from "../../hooks/use-chat";
import { getOutbox } from "../../hooks/use-chat-outbox";
import { FieldError, FormErrors } from "../ui/field";

const MENTION_AT_CARET = /(^|\s)@([^\s@]{0,40})$/u;

function newKey() {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : "";
}

/**
 * Writing a message. With JavaScript the message goes into the tab's outbox (sent
 * over the socket, queued while offline, retried with the same key); without it the
 * form posts to the page's action with the key the server rendered.
 */
export function Composer({
  channelId,
  parentId,
  label,
  placeholder,
  serverKey,
  onTyping,
  fieldErrors,
  formErrors,
  autoFocus,
}: {
  channelId: string;
  parentId: string | null;
  label: string;
  placeholder: string;
  /** The key rendered by the server, for a post without JavaScript. */
  serverKey: string;
  onTyping?(): void;
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  autoFocus?: boolean;
}) {
  const { t } = useTranslation(["chat", "boards", "common"]);
  const id = useId();
  const [body, setBody] = useState("");
  const [code, setCode] = useState<HandlingCode>("H0");
  const [key, setKey] = useState(serverKey);
  const [mentions, setMentions] = useState<{ id: string; name: string }[]>([]);
  const [query, setQuery] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<ChatUserRef[]>([]);
  const [active, setActive] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = `${id}-mentions`;
  // the server's key serves a post without JavaScript; two composers on one page must not share it
  useEffect(() => setKey(newKey()), []);

  useEffect(() => {
    if (query === null) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      chatApi<{ users: ChatUserRef[] }>("/api/chat/mentions", { channelId, q: query })
        .then((r) => {
          if (cancelled) return;
          setCandidates(r.users.slice(0, 8));
          setActive(0);
        })
        .catch(() => !cancelled && setCandidates([]));
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [channelId, query]);

  const open = query !== null && candidates.length > 0;

  const detectMention = (value: string, caret: number) => {
    const m = MENTION_AT_CARET.exec(value.slice(0, caret));
    setQuery(m ? m[2]! : null);
    if (!m) setCandidates([]);
  };

  const choose = (u: ChatUserRef) => {
    const el = area.current;
    const caret = el?.selectionStart ?? body.length;
    const before = body.slice(0, caret).replace(MENTION_AT_CARET, (_all, lead: string) => `${lead}@${u.name} `);
    const next = before + body.slice(caret);
    setBody(next);
    setMentions((cur) => (cur.some((x) => x.id === u.id) ? cur : [...cur, { id: u.id, name: u.name }]));
    setQuery(null);
    setCandidates([]);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(before.length, before.length);
    });
  };

  const send = () => {
    const outbox = getOutbox();
    if (!outbox || !body.trim()) return;
    const used = mentions.filter((m) => body.includes(`@${m.name}`)).map((m) => m.id);
    outbox.add({ idempotencyKey: key || newKey(), channelId, parentId, body, handlingCode: code, mentions: used });
    setBody("");
    setMentions([]);
    setKey(newKey());
    setQuery(null);
  };

  return (
    <form
      method="post"
      className="chat-composer"
      onSubmit={(e) => {
        // with JavaScript the outbox sends it; the plain post is the fallback
        e.preventDefault();
        send();
      }}
    >
      <input type="hidden" name="intent" value="post" />
      <input type="hidden" name="idempotencyKey" value={key} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {mentions
        .filter((m) => body.includes(`@${m.name}`))
        .map((m) => (
          <input key={m.id} type="hidden" name="mentions" value={m.id} />
        ))}
      <FormErrors errors={formErrors} />
      <div className="chat-composer-box">
        <label htmlFor={`${id}-body`} className="sr-only">
          {label}
        </label>
        <textarea
          ref={area}
          id={`${id}-body`}
          name="body"
          className="chat-composer-input"
          rows={Math.min(8, Math.max(1, body.split("\n").length))}
          maxLength={MESSAGE_BODY_MAX}
          placeholder={placeholder}
          value={body}
          autoFocus={autoFocus}
          aria-invalid={fieldErrors?.body ? true : undefined}
          aria-describedby={`${id}-hint${fieldErrors?.body ? ` ${id}-err` : ""}`}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          onChange={(e) => {
            setBody(e.target.value);
            detectMention(e.target.value, e.target.selectionStart);
            onTyping?.();
          }}
          onKeyDown={(e) => {
            if (open) {
              if (e.key === "ArrowDown") return void (e.preventDefault(), setActive((a) => (a + 1) % candidates.length));
              if (e.key === "ArrowUp") return void (e.preventDefault(), setActive((a) => (a - 1 + candidates.length) % candidates.length));
              if (e.key === "Enter" || e.key === "Tab") return void (e.preventDefault(), choose(candidates[active]!));
              if (e.key === "Escape") return void (e.preventDefault(), e.stopPropagation(), setQuery(null), setCandidates([]));
            }
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        {open ? (
          <ul id={listId} role="listbox" className="chat-mention-list" aria-label={t("chat:composer.mention_list")}>
            {candidates.map((u, i) => (
              <li
                key={u.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? "active" : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(u);
                }}
              >
                <strong>{u.name}</strong> <span className="muted small">{u.agencyName} · {u.country}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="chat-composer-bar">
          <label htmlFor={`${id}-code`} className="chat-code-label">
            {t("chat:composer.handling_code")}
          </label>
          <select id={`${id}-code`} name="handlingCode" className={`select chat-code-select hcode-select-${code}`} value={code} onChange={(e) => setCode(e.target.value as HandlingCode)}>
            {HANDLING_CODES.map((c) => (
              <option key={c} value={c}>
                {c} — {t(`boards:handling.${c}`)}
              </option>
            ))}
          </select>
          <span id={`${id}-hint`} className="chat-composer-hint">
            {t("chat:composer.hint")}
          </span>
          <button type="submit" className="btn btn-primary btn-sm chat-send">
            {t("chat:composer.send")}
          </button>
        </div>
      </div>
      <FieldError id={`${id}-err`} errors={fieldErrors?.body ?? fieldErrors?.handlingCode} />
    </form>
  );
}
