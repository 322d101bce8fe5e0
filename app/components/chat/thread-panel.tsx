import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { MessageDto } from "../../domain/chat/types";
import { useOutbox } from "../../hooks/use-chat-outbox";
import { emptyTimeline } from "../../hooks/use-chat-store";
import { Composer } from "./composer";
import type { RowContext } from "./message-row";
import { TimelineView } from "./timeline";

/** The replies of one message beside the channel; Escape or the close button returns to the channel. */
export function ThreadPanel({
  channelId,
  rootId,
  messages,
  loading,
  missing,
  ctx,
  me,
  closeHref,
  onClose,
  canPost,
  serverKey,
  onTyping,
  fieldErrors,
}: {
  channelId: string;
  rootId: string;
  messages: MessageDto[];
  loading: boolean;
  missing: boolean;
  ctx: RowContext;
  me: { id: string; name: string };
  closeHref: string;
  onClose(): void;
  canPost: boolean;
  serverKey: string;
  onTyping(): void;
  fieldErrors?: Record<string, string[]>;
}) {
  const { t } = useTranslation("chat");
  const pending = useOutbox(channelId, rootId);
  const heading = useRef<HTMLHeadingElement>(null);
  const root = messages.find((m) => m.id === rootId);
  useEffect(() => {
    heading.current?.focus();
  }, [rootId]);

  return (
    <aside
      className="chat-thread"
      aria-labelledby="thread-title"
      data-testid="thread-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="chat-thread-head">
        <h2 id="thread-title" ref={heading} tabIndex={-1}>
          {t("chat:thread.title")}
        </h2>
        {root ? <span className="small muted">{t("chat:thread.replies", { count: root.replyCount })}</span> : null}
        <Link
          to={closeHref}
          className="chat-icon-btn"
          onClick={(e) => {
            e.preventDefault();
            onClose();
          }}
          aria-label={t("chat:thread.close")}
          title={t("chat:thread.close")}
          replace
        >
          <span aria-hidden="true">✕</span>
        </Link>
      </header>
      {missing ? (
        <p className="chat-empty">{t("chat:thread.missing")}</p>
      ) : loading ? (
        <p className="chat-empty">{t("chat:timeline.loading")}</p>
      ) : (
        <TimelineView
          key={rootId}
          timeline={{ ...emptyTimeline, messages }}
          pending={pending}
          ctx={ctx}
          me={me}
          unreadId={null}
          highlightId={null}
          loadingOlder={false}
          loadingNewer={false}
          loadOlder={async () => {}}
          loadNewer={async () => {}}
          jumpToLatest={async () => {}}
          onSeenLatest={() => {}}
          label={t("chat:thread.list_label")}
          olderHref={null}
          newerHref={null}
          inThread
        />
      )}
      {canPost && !missing ? (
        <Composer channelId={channelId} parentId={rootId} label={t("chat:thread.reply_label")} placeholder={t("chat:thread.reply_placeholder")} serverKey={serverKey} onTyping={onTyping} fieldErrors={fieldErrors} autoFocus />
      ) : null}
    </aside>
  );
}
