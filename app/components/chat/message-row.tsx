import { Link } from "@remix-run/react";
import { memo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MessageDto, PresenceStatus } from "../../domain/chat/types";
import { HANDLING_CODES, type HandlingCode } from "../../domain/vocabulary";
import { INTL_LOCALE, isLanguage } from "../../i18n/config";
import { emitChat } from "../../hooks/use-chat";
import { HandlingBadge } from "../board/labels";
import { CountryCode } from "../ui/misc";
import { MessageBody } from "./message-body";
import { ChatAvatar } from "./presence-dot";
import { ThreadIcon, TrashIcon } from "./icons";
import { VersionsButton } from "./versions";

export const QUICK_REACTIONS = ["👍", "✅", "👀", "❗", "🙏", "😄"] as const;

export interface RowContext {
  meId: string;
  operationId: string | null;
  canPost: boolean;
  lng: string;
  timeZone: string;
  presence(userId: string): PresenceStatus;
  onOpenThread?(rootId: string): void;
  threadHref?(rootId: string): string;
  /** Shown after the time on the reader's own messages confirmed during this visit. */
  sentKeys?: Set<string>;
}

export function formatTime(iso: string, lng: string, timeZone: string) {
  try {
    return new Intl.DateTimeFormat(isLanguage(lng) ? INTL_LOCALE[lng] : "en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
  } catch {
    return iso.slice(11, 16);
  }
}

/** One message: author (agency, country), time, handling code, body or tombstone, reactions, thread summary. */
export const MessageRow = memo(function MessageRow({
  message: m,
  ctx,
  compact,
  highlighted,
  inThread,
}: {
  message: MessageDto;
  ctx: RowContext;
  compact: boolean;
  highlighted?: boolean;
  inThread?: boolean;
}) {
  const { t } = useTranslation("chat");
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = m.author.id === ctx.meId;
  const deleted = m.body === null || m.deletedAt !== null;
  const mentionsMe = m.mentions.some((x) => x.id === ctx.meId);
  const time = formatTime(m.createdAt, ctx.lng, ctx.timeZone);
  const run = (p: Promise<unknown>) => {
    setError(null);
    p.catch((e: Error) => setError(e.message));
  };
  const react = (emoji: string) => run(emitChat("chat:react", { messageId: m.id, emoji }));

  return (
    <article
      className={["chat-msg", compact ? "compact" : "", mine ? "mine" : "", mentionsMe ? "mentions-me" : "", highlighted ? "highlighted" : "", deleted ? "deleted" : ""].filter(Boolean).join(" ")}
      data-seq={m.seq}
      data-message-id={m.id}
      aria-labelledby={`msg-${m.id}-meta`}
      tabIndex={-1}
    >
      <div className="chat-msg-gutter">
        {compact ? (
          <time className="chat-msg-hovertime" dateTime={m.createdAt} aria-hidden="true">
            {time}
          </time>
        ) : (
          <ChatAvatar user={m.author} status={ctx.presence(m.author.id)} size={34} />
        )}
      </div>
      <div className="chat-msg-main">
        <div id={`msg-${m.id}-meta`} className={compact ? "sr-only" : "chat-msg-meta"}>
          <strong className="chat-msg-author">{m.author.name}</strong>
          <span className="chat-msg-agency" title={`${m.author.agencyName} · ${m.author.country}`}>
            <span className="chat-msg-agency-name">{m.author.agencyName}</span> <CountryCode code={m.author.country} />
          </span>
          <time dateTime={m.createdAt} className="chat-msg-time">
            {time}
          </time>
        </div>
        {editing && !deleted ? (
          <EditForm message={m} onDone={() => setEditing(false)} />
        ) : deleted ? (
          <p className="chat-tombstone">{t("chat:message.deleted")}</p>
        ) : (
          <div className="chat-msg-content">
            <HandlingBadge code={m.handlingCode} />
            <MessageBody body={m.body!} operationId={ctx.operationId} mentions={m.mentions} taskLabel={t("chat:message.task_chip")} />
          </div>
        )}
        <div className="chat-msg-foot">
          {m.editedAt && !deleted ? <VersionsButton messageId={m.id} lng={ctx.lng} timeZone={ctx.timeZone} /> : null}
          {mine && ctx.sentKeys?.has(m.idempotencyKey) ? (
            <span className="chat-msg-status sent">
              <span aria-hidden="true">✓</span> {t("chat:status.sent")}
            </span>
          ) : null}
        </div>
        {m.reactions.length && !deleted ? (
          <ul className="chat-reactions" aria-label={t("chat:reactions.label")}>
            {m.reactions.map((r) => {
              const reacted = r.userIds.includes(ctx.meId);
              return (
                <li key={r.emoji}>
                  <button
                    type="button"
                    className={`chat-reaction${reacted ? " mine" : ""}`}
                    aria-pressed={reacted}
                    disabled={!ctx.canPost}
                    onClick={() => react(r.emoji)}
                    aria-label={t("chat:reactions.toggle", { emoji: r.emoji, count: r.count })}
                  >
                    <span aria-hidden="true">{r.emoji}</span> <span aria-hidden="true">{r.count}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
        {!inThread && m.replyCount > 0 ? (
          <ThreadSummary message={m} ctx={ctx}>
            {t("chat:thread.replies", { count: m.replyCount })}
            {m.lastReplyAt ? <span className="muted"> · {t("chat:thread.last_reply", { time: formatTime(m.lastReplyAt, ctx.lng, ctx.timeZone) })}</span> : null}
          </ThreadSummary>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {t(`chat:errors.${error}`, { defaultValue: t("chat:errors.internal") })}
          </p>
        ) : null}
      </div>
      {!deleted && !editing ? (
        <div className="chat-msg-actions" role="group" aria-label={t("chat:message.actions")}>
          {ctx.canPost ? (
            <details className="chat-react-picker">
              <summary className="chat-icon-btn" title={t("chat:reactions.add")}>
                <span aria-hidden="true">☺</span>
                <span className="sr-only">{t("chat:reactions.add")}</span>
              </summary>
              <div className="chat-react-menu">
                {QUICK_REACTIONS.map((e) => (
                  <button
                    key={e}
                    type="button"
                    className="chat-icon-btn"
                    aria-label={t("chat:reactions.react_with", { emoji: e })}
                    onClick={(ev) => {
                      (ev.currentTarget.closest("details") as HTMLDetailsElement | null)?.removeAttribute("open");
                      react(e);
                    }}
                  >
                    {e}
                  </button>
                ))}
              </div>
            </details>
          ) : null}
          {!inThread ? (
            ctx.onOpenThread ? (
              <button type="button" className="chat-icon-btn" title={t("chat:thread.reply")} onClick={() => ctx.onOpenThread!(m.id)}>
                <span aria-hidden="true">↩</span>
                <span className="sr-only">{t("chat:thread.reply")}</span>
              </button>
            ) : null
          ) : null}
          {mine && ctx.canPost ? (
            <>
              <button type="button" className="chat-icon-btn" title={t("chat:message.edit")} onClick={() => setEditing(true)}>
                <span aria-hidden="true">✎</span>
                <span className="sr-only">{t("chat:message.edit")}</span>
              </button>
              <button
                type="button"
                className="chat-icon-btn danger"
                title={t("chat:message.delete")}
                onClick={() => {
                  if (window.confirm(t("chat:message.delete_confirm"))) run(emitChat("chat:delete", { messageId: m.id }));
                }}
              >
                <TrashIcon />
                <span className="sr-only">{t("chat:message.delete")}</span>
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </article>
  );
});

function ThreadSummary({ message, ctx, children }: { message: MessageDto; ctx: RowContext; children: ReactNode }) {
  if (ctx.onOpenThread)
    return (
      <button type="button" className="chat-thread-summary" onClick={() => ctx.onOpenThread!(message.id)}>
        <ThreadIcon />
        {children}
      </button>
    );
  return (
    <Link className="chat-thread-summary" to={ctx.threadHref?.(message.id) ?? "#"}>
      <ThreadIcon />
      {children}
    </Link>
  );
}

function EditForm({ message, onDone }: { message: MessageDto; onDone(): void }) {
  const { t } = useTranslation("chat");
  const [body, setBody] = useState(message.body ?? "");
  const [code, setCode] = useState<HandlingCode>(message.handlingCode);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `edit-${message.id}`;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await emitChat("chat:edit", { messageId: message.id, body, handlingCode: code, mentions: message.mentions.map((x) => x.id) });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="chat-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("chat:message.edit_label")}
      </label>
      <textarea
        id={id}
        className="textarea"
        value={body}
        autoFocus
        rows={Math.min(8, Math.max(2, body.split("\n").length))}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") onDone();
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <div className="row">
        <label htmlFor={`${id}-code`} className="sr-only">
          {t("chat:composer.handling_code")}
        </label>
        <select id={`${id}-code`} className="select chat-code-select" value={code} onChange={(e) => setCode(e.target.value as HandlingCode)}>
          {HANDLING_CODES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy || !body.trim()}>
          {t("chat:message.save")}
        </button>
        <button type="button" className="btn btn-sm" onClick={onDone}>
          {t("chat:message.cancel")}
        </button>
        {error ? (
          <span className="field-error" role="alert">
            {t(`chat:errors.${error}`, { defaultValue: t("chat:errors.internal") })}
          </span>
        ) : null}
      </div>
    </form>
  );
}
