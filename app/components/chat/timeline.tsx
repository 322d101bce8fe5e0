import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MessageDto } from "../../domain/chat/types";
import { getOutbox, type OutboxItem } from "../../hooks/use-chat-outbox";
import { dayKey, type Timeline } from "../../hooks/use-chat-store";
import { formatDate } from "../../utils/format";
import { HandlingBadge } from "../board/labels";
import { MessageBody } from "./message-body";
import { MessageRow, type RowContext } from "./message-row";
import { ChatAvatar } from "./presence-dot";

/** Consecutive messages of one author within this span share one header. */
const GROUP_MS = 5 * 60_000;
const NEAR_EDGE_PX = 120;
// layout effects measure the DOM; the server has none (and React warns)
const useIsoLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

export interface TimelineProps {
  timeline: Timeline;
  pending: OutboxItem[];
  ctx: RowContext;
  me: { id: string; name: string };
  unreadId: string | null;
  highlightId: string | null;
  loadingOlder: boolean;
  loadingNewer: boolean;
  loadOlder(): Promise<void>;
  loadNewer(): Promise<void>;
  jumpToLatest(): Promise<void>;
  /** Called when the reader sees the live end: everything up to here is read. */
  onSeenLatest(): void;
  label: string;
  /** Links for reading without JavaScript. */
  olderHref: string | null;
  newerHref: string | null;
  inThread?: boolean;
}

/**
 * The scrolling list of a timeline window. Keeps the reader's place when older
 * messages are put above (measuring a row before and after), follows the live end
 * when the reader is there, and otherwise offers "new messages below".
 */
export function TimelineView(props: TimelineProps) {
  const { timeline, pending, ctx, unreadId, highlightId, inThread } = props;
  const { t } = useTranslation("chat");
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ id: string; top: number } | null>(null);
  const atBottom = useRef(true);
  const [showJump, setShowJump] = useState(false);
  const [announce, setAnnounce] = useState("");
  const lastCount = useRef({ last: timeline.messages[timeline.messages.length - 1]?.id ?? null, pending: pending.length });
  const propsRef = useRef(props);
  propsRef.current = props;

  const captureAnchor = () => {
    const el = scroller.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top;
    for (const row of el.querySelectorAll<HTMLElement>("[data-message-id]")) {
      const r = row.getBoundingClientRect();
      if (r.bottom > top) {
        anchor.current = { id: row.dataset.messageId!, top: r.top };
        return;
      }
    }
  };

  const older = useCallback(async () => {
    captureAnchor();
    await propsRef.current.loadOlder();
  }, []);
  const newer = useCallback(async () => {
    captureAnchor();
    await propsRef.current.loadNewer();
  }, []);

  // first paint: the linked message, else the first unread, else the live end
  useIsoLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // the unread line itself goes to the top, so "New messages" is the first thing read
    const row = highlightId
      ? el.querySelector<HTMLElement>(`[data-message-id="${highlightId}"]`)
      : unreadId
        ? el.querySelector<HTMLElement>(".chat-unread-line")
        : null;
    if (row) {
      row.scrollIntoView({ block: highlightId ? "center" : "start" });
      if (highlightId) row.focus({ preventScroll: true });
    } else el.scrollTop = el.scrollHeight;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 4;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useIsoLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const a = anchor.current;
    if (a) {
      anchor.current = null;
      const row = el.querySelector<HTMLElement>(`[data-message-id="${a.id}"]`);
      if (row) el.scrollTop += row.getBoundingClientRect().top - a.top;
      return;
    }
    const lastId = timeline.messages[timeline.messages.length - 1]?.id ?? null;
    const grew = lastId !== lastCount.current.last || pending.length > lastCount.current.pending;
    const newest = timeline.messages[timeline.messages.length - 1];
    if (grew && !timeline.hasNewer) {
      if (atBottom.current || pending.length > lastCount.current.pending || newest?.author.id === ctx.meId) el.scrollTop = el.scrollHeight;
      else setShowJump(true);
      if (newest && newest.author.id !== ctx.meId && lastId !== lastCount.current.last) {
        setAnnounce(t("chat:timeline.new_from", { name: newest.author.name, text: (newest.body ?? "").slice(0, 140) }));
      }
    }
    lastCount.current = { last: lastId, pending: pending.length };
  }, [timeline, pending.length, ctx.meId, t]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const p = propsRef.current;
    const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
    atBottom.current = distance < 4;
    if (atBottom.current && !p.timeline.hasNewer) {
      setShowJump(false);
      p.onSeenLatest();
    }
    if (el.scrollTop < NEAR_EDGE_PX && p.timeline.hasOlder && !p.loadingOlder) void older();
    if (distance < NEAR_EDGE_PX && p.timeline.hasNewer && !p.loadingNewer) void newer();
  };

  // the reader is at the live end when the page opens or a message arrives there
  useEffect(() => {
    if (atBottom.current && !timeline.hasNewer && typeof document !== "undefined" && document.visibilityState === "visible") props.onSeenLatest();
  });
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && atBottom.current && !propsRef.current.timeline.hasNewer) propsRef.current.onSeenLatest();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, []);

  const rows: JSX.Element[] = [];
  let prev: MessageDto | null = null;
  for (const m of timeline.messages) {
    const day = dayKey(m.createdAt, ctx.timeZone);
    const newDay = !prev || dayKey(prev.createdAt, ctx.timeZone) !== day;
    if (newDay) {
      rows.push(
        <div key={`day-${day}-${m.id}`} className="chat-day" role="separator" aria-label={formatDate(m.createdAt, ctx.lng, ctx.timeZone)}>
          <span>{formatDate(m.createdAt, ctx.lng, ctx.timeZone)}</span>
        </div>,
      );
    }
    if (m.id === unreadId) {
      rows.push(
        <div key="unread-line" className="chat-unread-line" role="separator" aria-label={t("chat:timeline.new_messages")}>
          <span>{t("chat:timeline.new_messages")}</span>
        </div>,
      );
    }
    const compact =
      !newDay &&
      prev !== null &&
      m.id !== unreadId &&
      prev.author.id === m.author.id &&
      !prev.deletedAt &&
      prev.replyCount === 0 &&
      Date.parse(m.createdAt) - Date.parse(prev.createdAt) < GROUP_MS &&
      !(inThread && prev.parentId === null);
    rows.push(<MessageRow key={m.id} message={m} ctx={ctx} compact={compact} highlighted={m.id === highlightId} inThread={inThread} />);
    prev = m;
  }

  return (
    <div className="chat-timeline-wrap">
      <div ref={scroller} className="chat-timeline" onScroll={onScroll} role="region" aria-label={props.label} tabIndex={0}>
        {timeline.hasOlder ? (
          <div className="chat-edge">
            {props.olderHref ? (
              <a
                className="btn btn-sm"
                href={props.olderHref}
                onClick={(e) => {
                  e.preventDefault();
                  void older();
                }}
              >
                {props.loadingOlder ? t("chat:timeline.loading") : t("chat:timeline.load_older")}
              </a>
            ) : null}
          </div>
        ) : timeline.messages.length > 0 && !inThread ? (
          <div className="chat-edge chat-beginning">{t("chat:timeline.beginning")}</div>
        ) : null}
        {timeline.messages.length === 0 && pending.length === 0 ? <p className="chat-empty">{inThread ? t("chat:thread.empty") : t("chat:timeline.empty")}</p> : null}
        {rows.map((r) => (
          <Fragment key={r.key}>{r}</Fragment>
        ))}
        {timeline.hasNewer ? (
          <div className="chat-edge">
            {props.newerHref ? (
              <a
                className="btn btn-sm"
                href={props.newerHref}
                onClick={(e) => {
                  e.preventDefault();
                  void newer();
                }}
              >
                {props.loadingNewer ? t("chat:timeline.loading") : t("chat:timeline.load_newer")}
              </a>
            ) : null}
          </div>
        ) : (
          pending.map((p) => <PendingRow key={p.idempotencyKey} item={p} me={props.me} ctx={ctx} />)
        )}
      </div>
      {showJump || timeline.hasNewer ? (
        <button
          type="button"
          className="chat-jump"
          onClick={() => {
            setShowJump(false);
            if (timeline.hasNewer) void props.jumpToLatest().then(() => requestAnimationFrame(() => scroller.current && (scroller.current.scrollTop = scroller.current.scrollHeight)));
            else if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
          }}
        >
          {t("chat:timeline.jump_latest")} <span aria-hidden="true">↓</span>
        </button>
      ) : null}
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true">
        {announce}
      </div>
    </div>
  );
}

/** A message of the reader's that the server has not confirmed: queued, sending, or failed with retry. */
function PendingRow({ item, me, ctx }: { item: OutboxItem; me: { id: string; name: string }; ctx: RowContext }) {
  const { t } = useTranslation("chat");
  return (
    <article className={`chat-msg mine pending status-${item.status}`} data-pending-key={item.idempotencyKey} aria-label={t(`chat:status.${item.status}`)}>
      <div className="chat-msg-gutter">
        <ChatAvatar user={me} size={34} />
      </div>
      <div className="chat-msg-main">
        <div className="chat-msg-meta">
          <strong className="chat-msg-author">{me.name}</strong>
        </div>
        <div className="chat-msg-content">
          <HandlingBadge code={item.handlingCode} />
          <MessageBody body={item.body} operationId={ctx.operationId} mentions={[]} taskLabel={t("chat:message.task_chip")} />
        </div>
        <div className="chat-msg-foot">
          <span className={`chat-msg-status ${item.status}`} role={item.status === "failed" ? "alert" : undefined}>
            {item.status === "failed" ? <span aria-hidden="true">⚠ </span> : <span aria-hidden="true">◷ </span>}
            {t(`chat:status.${item.status}`)}
            {item.status === "failed" && item.error ? <> — {t(`chat:errors.${item.error}`, { defaultValue: t("chat:errors.internal") })}</> : null}
          </span>
          {item.status === "failed" ? (
            <>
              <button type="button" className="btn btn-sm" onClick={() => getOutbox()?.retry(item.idempotencyKey)}>
                {t("chat:status.retry")}
              </button>
              <button type="button" className="linklike small" onClick={() => getOutbox()?.discard(item.idempotencyKey)}>
                {t("chat:status.discard")}
              </button>
            </>
          ) : null}
        </div>
      </div>
    </article>
  );
}
