import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useLocation, useNavigate, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { HANDLING_CODES } from "../domain/vocabulary";
import { Composer } from "../components/chat/composer";
import type { RowContext } from "../components/chat/message-row";
import { useChannelTitle } from "../components/chat/names";
import { ChatAvatar } from "../components/chat/presence-dot";
import { ThreadPanel } from "../components/chat/thread-panel";
import { TimelineView } from "../components/chat/timeline";
import { ConnectionStatus } from "../components/live/connection-status";
import { CountryCode, EmptyState } from "../components/ui/misc";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import { useChannelTimeline, useChatSummary, useReadMarker, useThread, useTyping } from "../hooks/use-chat";
import { getOutbox, useOutbox } from "../hooks/use-chat-outbox";
import { usePresence } from "../hooks/use-chat-presence";
import { PAGE_SIZE, firstUnreadId } from "../hooks/use-chat-store";
import { requireUser } from "../utils/auth.server";
import { formRefusal, orNotFound } from "../utils/http.server";
import { useRootData } from "../utils/root-data";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEQ = /^\d{1,15}$/;
const READ_ONLY_REASONS = ["archived", "closed", "jit_expired", "observer", "read_only"] as const;
const POST_REFUSALS = { forbidden: Object.fromEntries(READ_ONLY_REASONS.map((r) => [r, `chat:errors.${r}`])), namespace: "chat" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.detail.channel.kind === "operation" ? `#${data.detail.channel.name} · ${data.detail.channel.operationCode}` : "Chat"} · Concordia` : "Concordia" },
];

function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/**
 * The channel as its reader sees it: the last page of messages (or the page around
 * a linked one, or a page before/after a seq for reading without JavaScript), and
 * the open thread. A channel the reader cannot read, an unknown and a malformed
 * id all end in the same 404.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const channelId = params.channelId ?? "";
  if (!UUID.test(channelId)) notFound();
  const url = new URL(request.url);
  const seqOf = (name: string) => {
    const v = url.searchParams.get(name);
    return v && SEQ.test(v) ? Number(v) : undefined;
  };
  const around = seqOf("around");
  const before = around === undefined ? seqOf("before") : undefined;
  const after = around === undefined && before === undefined ? seqOf("after") : undefined;
  const chat = context.services.chat;
  const detail = await orNotFound(() => chat.getChannel({ actor, channelId }));
  const page = await orNotFound(() => chat.listMessages({ actor, input: { channelId, around, before, after, limit: PAGE_SIZE } }));
  const threadParam = url.searchParams.get("thread");
  const thread = threadParam && UUID.test(threadParam) ? await orNotFound(() => chat.getThread({ actor, input: { channelId, rootId: threadParam } })).catch(() => null) : null;
  return json(
    {
      detail,
      page,
      highlightSeq: around ?? null,
      windowFrom: before !== undefined || after !== undefined,
      thread: thread ? { requested: threadParam!, rootId: thread.rootId, messages: thread.messages } : null,
      // a post without JavaScript carries this key, so a resubmitted form is stored once
      serverKey: randomUUID(),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** Without JavaScript: the composer posts here. With it, messages go over the socket. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const channelId = params.channelId ?? "";
  if (!UUID.test(channelId)) notFound();
  const fd = await request.formData();
  const intent = String(fd.get("intent") ?? "post");
  if (intent !== "post") throw new Response("Bad Request", { status: 400 });
  const parentId = String(fd.get("parentId") ?? "") || null;
  const input = {
    channelId,
    body: String(fd.get("body") ?? ""),
    handlingCode: String(fd.get("handlingCode") ?? "H0") as (typeof HANDLING_CODES)[number],
    parentId,
    idempotencyKey: String(fd.get("idempotencyKey") ?? ""),
    mentions: fd.getAll("mentions").map(String),
  };
  try {
    await context.services.chat.postMessage({ actor, input });
  } catch (err) {
    const r = formRefusal(err, POST_REFUSALS);
    return json({ ok: false as const, formErrors: r.formErrors, fieldErrors: r.fieldErrors, parentId }, { status: r.status });
  }
  const url = new URL(request.url);
  return redirect(`/chat/${channelId}${parentId ? `?thread=${parentId}` : url.searchParams.get("thread") ? `?thread=${url.searchParams.get("thread")}` : ""}`);
}

/**
 * Live data comes over the socket: a revalidation triggered by something else
 * (a notification) must not reload the page of messages. Opening or closing a
 * thread changes only `thread`, which the page loads itself.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (formMethod) return defaultShouldRevalidate;
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const strip = (u: URL) => {
    const p = new URLSearchParams(u.search);
    p.delete("thread");
    return p.toString();
  };
  return strip(currentUrl) !== strip(nextUrl);
};

export default function ChannelPage() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  const p = new URLSearchParams(location.search);
  p.delete("thread");
  // a new channel, or a jump to another place in its history, starts a fresh timeline
  return <ChannelView key={`${data.detail.channel.id}?${p.toString()}`} data={data} />;
}

type Data = SerializeFrom<typeof loader>;

function ChannelView({ data }: { data: Data }) {
  const { detail, page, highlightSeq, serverKey } = data;
  const channel = detail.channel;
  const { t } = useTranslation(["chat", "common"]);
  const { user, lng, timeZone } = useRootData();
  const me = useMemo(() => ({ id: user?.id ?? "", name: user?.name ?? "" }), [user?.id, user?.name]);
  const navigate = useNavigate();
  const location = useLocation();
  const actionData = useStickyActionData<{ ok: false; formErrors: string[]; fieldErrors: Record<string, string[]>; parentId: string | null }>();
  const titleOf = useChannelTitle();
  const { summary, refresh } = useChatSummary(false);
  const live = summary?.channels.find((c) => c.id === channel.id);
  const title = titleOf(live ?? channel);

  const tl = useChannelTimeline(channel.id, page, channel.lastSeq);
  const pending = useOutbox(channel.id, null);
  const threadId = new URLSearchParams(location.search).get("thread");
  const thread = useThread(channel.id, threadId, tl.feed, data.thread && data.thread.requested === threadId ? data.thread : null);
  const presence = usePresence(detail.members.map((m) => m.id));
  const { typing, notifyTyping } = useTyping(channel.id, me.id);
  const markRead = useReadMarker(channel.id, detail.lastReadSeq, refresh);
  const lastSeqRef = useRef(tl.lastSeq);
  lastSeqRef.current = tl.lastSeq;
  const onSeenLatest = useCallback(() => markRead(lastSeqRef.current), [markRead]);
  const [unreadId] = useState(() => (highlightSeq === null ? firstUnreadId(page.messages, detail.lastReadSeq, me.id) : null));
  const highlightId = highlightSeq === null ? null : (page.messages.find((m) => m.seq === highlightSeq)?.id ?? null);

  const threadHref = useCallback(
    (rootId: string) => {
      const q = new URLSearchParams(location.search);
      q.set("thread", rootId);
      return `${location.pathname}?${q.toString()}`;
    },
    [location.pathname, location.search],
  );
  const closeHref = useMemo(() => {
    const q = new URLSearchParams(location.search);
    q.delete("thread");
    const s = q.toString();
    return `${location.pathname}${s ? `?${s}` : ""}`;
  }, [location.pathname, location.search]);
  const openThread = useCallback((rootId: string) => navigate(threadHref(rootId), { preventScrollReset: true }), [navigate, threadHref]);
  const closeThread = useCallback(() => navigate(closeHref, { preventScrollReset: true, replace: true }), [navigate, closeHref]);

  const ctx: RowContext = useMemo(
    () => ({
      meId: me.id,
      operationId: channel.operationId,
      canPost: detail.canPost && !tl.revoked,
      lng,
      timeZone,
      presence,
      onOpenThread: openThread,
      threadHref,
      sentKeys: getOutbox()?.sentKeys,
    }),
    // presence changes identity on every status change, which is what should re-render rows
    [me.id, channel.operationId, detail.canPost, tl.revoked, lng, timeZone, presence, openThread, threadHref],
  );

  const first = tl.timeline.messages[0];
  const last = tl.timeline.messages[tl.timeline.messages.length - 1];
  const online = detail.members.filter((m) => presence(m.id) !== "offline");

  return (
    <div className={`chat-channel-page${threadId ? " with-thread" : ""}`}>
      <section className="chat-pane" aria-labelledby="channel-title">
        <header className="chat-head">
          <div className="chat-head-title">
            <h2 id="channel-title">
              {channel.kind === "operation" ? <span aria-hidden="true">#</span> : null}
              {title}
            </h2>
            <div className="chat-head-meta small muted">
              {channel.kind === "operation" && channel.operationId ? (
                <Link to={`/operations/${channel.operationId}`} className="chat-op-link">
                  {channel.operationCode}
                </Link>
              ) : (
                <span>{t(`chat:kind.${channel.kind}`)}</span>
              )}
              <span aria-hidden="true">·</span>
              <details className="chat-members">
                <summary>{t("chat:channel.members", { count: detail.members.length })}</summary>
                <ul className="chat-members-list">
                  {detail.members.map((m) => (
                    <li key={m.id}>
                      <ChatAvatar user={m} status={presence(m.id)} size={24} />
                      <span>{m.name}</span>
                      <span className="muted small">{m.agencyName}</span>
                      <CountryCode code={m.country} />
                    </li>
                  ))}
                </ul>
              </details>
              {online.length ? (
                <span className="chat-online">
                  <span className="presence-dot presence-online" aria-hidden="true" /> {t("chat:channel.online", { count: online.length })}
                </span>
              ) : null}
              {channel.archived ? <span className="badge badge-amber">{t("chat:channel.archived")}</span> : null}
            </div>
          </div>
          <div className="chat-head-actions">
            <ConnectionStatus />
            <Link to={`/chat/search?channelId=${channel.id}`} className="btn btn-sm">
              {t("chat:search.in_channel")}
            </Link>
            {detail.canManage ? (
              <Link to={`/chat/${channel.id}/settings`} className="btn btn-sm">
                {t("chat:settings.open")}
              </Link>
            ) : null}
          </div>
        </header>
        {tl.revoked ? (
          <div className="alert alert-warning" role="alert">
            {t("chat:channel.revoked")}
          </div>
        ) : null}
        <TimelineView
          timeline={tl.timeline}
          pending={pending}
          ctx={ctx}
          me={me}
          unreadId={unreadId}
          highlightId={highlightId}
          loadingOlder={tl.loadingOlder}
          loadingNewer={tl.loadingNewer}
          loadOlder={tl.loadOlder}
          loadNewer={tl.loadNewer}
          jumpToLatest={tl.jumpToLatest}
          onSeenLatest={onSeenLatest}
          label={t("chat:timeline.label", { channel: title })}
          olderHref={first ? `/chat/${channel.id}?before=${first.seq}` : null}
          newerHref={last ? `/chat/${channel.id}?after=${last.seq}` : null}
        />
        <TypingLine names={typing.map((x) => x.userName)} />
        {detail.canPost && !tl.revoked ? (
          <Composer
            channelId={channel.id}
            parentId={null}
            label={t("chat:composer.label", { channel: title })}
            placeholder={t("chat:composer.placeholder", { channel: title })}
            serverKey={serverKey}
            onTyping={notifyTyping}
            fieldErrors={actionData && !actionData.parentId ? actionData.fieldErrors : undefined}
            formErrors={actionData && !actionData.parentId ? actionData.formErrors : undefined}
          />
        ) : (
          <p className="chat-readonly">{channel.archived ? t("chat:channel.archived_notice") : t("chat:channel.read_only")}</p>
        )}
      </section>
      {threadId ? (
        <ThreadPanel
          channelId={channel.id}
          rootId={thread.rootId ?? threadId}
          messages={thread.messages}
          loading={thread.loading}
          missing={thread.missing}
          ctx={ctx}
          me={me}
          closeHref={closeHref}
          onClose={closeThread}
          canPost={detail.canPost && !tl.revoked}
          serverKey={serverKey}
          onTyping={notifyTyping}
          fieldErrors={actionData?.parentId ? actionData.fieldErrors : undefined}
        />
      ) : null}
    </div>
  );
}

function TypingLine({ names }: { names: string[] }) {
  const { t } = useTranslation("chat");
  const text =
    names.length === 0 ? "" : names.length === 1 ? t("chat:typing.one", { name: names[0] }) : names.length === 2 ? t("chat:typing.two", { a: names[0], b: names[1] }) : t("chat:typing.many");
  return (
    <div className="chat-typing" aria-live="polite">
      {text ? (
        <>
          <span className="chat-typing-dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>{" "}
          {text}
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation(["chat", "common"]);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <div className="chat-welcome">
      <div className="chat-welcome-card">
        <EmptyState title={status === 404 ? t("chat:errors.channel_not_found") : t("common:error_page.server.title")}>
          <p className="small muted">{t("common:error_page.status", { status })}</p>
          <Link to="/chat" className="btn btn-primary">
            {t("chat:errors.back")}
          </Link>
        </EmptyState>
      </div>
    </div>
  );
}
