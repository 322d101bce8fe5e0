import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HandlingBadge } from "../components/board/labels";
import { useChannelTitle } from "../components/chat/names";
import { CountryCode, EmptyState } from "../components/ui/misc";
import { FormErrors, useErrorText } from "../components/ui/field";
import { SEARCH_QUERY_MAX } from "../domain/chat/schemas";
import type { SearchResult } from "../domain/chat/types";
import { isDomainError } from "../domain/errors";
import { HANDLING_CODES } from "../domain/vocabulary";
import { requireUser } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const meta: MetaFunction = () => [{ title: "Chat · Concordia" }];

const FILTERS = ["q", "channelId", "author", "from", "to", "handlingCode"] as const;

/**
 * Full-text search over every channel the reader can read (the service decides
 * which). Filters live in the URL; pages are keyset (cursor), newest first.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const url = new URL(request.url);
  const values = Object.fromEntries(FILTERS.map((k) => [k, url.searchParams.get(k)?.trim() ?? ""])) as Record<(typeof FILTERS)[number], string>;
  const chat = context.services.chat;
  const channels = await chat.listChannels({ actor });
  let author: { id: string; name: string } | null = null;
  let authorMissing = false;
  if (values.author) {
    // the first person of the office matching the name (or agency, or e-mail) typed
    const [first] = await chat.directoryForConversations({ actor, q: values.author });
    if (first) author = { id: first.id, name: first.name };
    else authorMissing = true;
  }
  let result: SearchResult | null = null;
  let fieldErrors: Record<string, string[]> = {};
  if (values.q && !authorMissing) {
    try {
      result = await chat.searchMessages({
        actor,
        input: {
          q: values.q,
          channelId: values.channelId || undefined,
          authorId: author?.id,
          from: values.from || undefined,
          to: values.to || undefined,
          handlingCode: (values.handlingCode || undefined) as never,
          cursor: url.searchParams.get("cursor") || undefined,
        },
      });
    } catch (err) {
      if (!isDomainError(err) || err.code !== "invalid") throw err;
      fieldErrors = err.fields;
    }
  }
  const status = Object.keys(fieldErrors).length ? 400 : 200;
  return json({ values, channels, author, authorMissing, result, fieldErrors, searched: !!values.q }, { status, headers: { "Cache-Control": "no-store" } });
}

function Snippet({ text }: { text: string }) {
  // the service marks matches with «…» in plain text: React escapes the rest
  const parts = text.split(/(«[^»]*»)/g);
  return (
    <p className="chat-hit-snippet">
      {parts.map((p, i) => (p.startsWith("«") && p.endsWith("»") ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))}
    </p>
  );
}

export default function ChatSearch() {
  const { values, channels, author, authorMissing, result, fieldErrors, searched } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["chat", "boards", "common"]);
  const errorText = useErrorText();
  const { lng, timeZone } = useRootData();
  const titleOf = useChannelTitle();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location.pathname === "/chat/search";
  const nextHref = (cursor: string) => {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (values[k]) p.set(k, values[k]);
    p.set("cursor", cursor);
    return `/chat/search?${p.toString()}`;
  };
  const err = (k: string) => (fieldErrors[k]?.length ? fieldErrors[k]!.map(errorText).join(" ") : null);
  const channelLabel = (c: { kind: string; name: string | null; operationCode: string | null; id: string }) => {
    const full = channels.find((x) => x.id === c.id);
    const title = full ? titleOf(full) : (c.name ?? "");
    return c.kind === "operation" ? `#${title} · ${c.operationCode ?? ""}` : title;
  };

  return (
    <div className="chat-search">
      <header className="chat-head">
        <div className="chat-head-title">
          <h2>{t("chat:search.title")}</h2>
          <p className="small muted">{t("chat:search.intro")}</p>
        </div>
      </header>
      <div className="chat-search-body">
        <Form method="get" className="chat-search-form" role="search" aria-label={t("chat:search.title")}>
          <div className="field chat-search-q">
            <label htmlFor="cs-q">{t("chat:search.query")}</label>
            <input id="cs-q" name="q" type="search" className="input" defaultValue={values.q} maxLength={SEARCH_QUERY_MAX} required aria-invalid={err("q") ? true : undefined} aria-describedby={err("q") ? "cs-q-err" : undefined} />
            {err("q") ? (
              <p id="cs-q-err" className="field-error">
                {err("q")}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="cs-channel">{t("chat:search.channel")}</label>
            <select id="cs-channel" name="channelId" className="select" defaultValue={values.channelId}>
              <option value="">{t("chat:search.all_channels")}</option>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cs-author">{t("chat:search.author")}</label>
            <input id="cs-author" name="author" className="input" defaultValue={values.author} placeholder={t("chat:search.author_hint")} />
          </div>
          <div className="field">
            <label htmlFor="cs-from">{t("chat:search.from")}</label>
            <input id="cs-from" name="from" type="date" className="input" defaultValue={values.from} aria-invalid={err("from") ? true : undefined} />
            {err("from") ? <p className="field-error">{err("from")}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="cs-to">{t("chat:search.to")}</label>
            <input id="cs-to" name="to" type="date" className="input" defaultValue={values.to} aria-invalid={err("to") ? true : undefined} />
            {err("to") ? <p className="field-error">{err("to")}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="cs-code">{t("chat:search.handling")}</label>
            <select id="cs-code" name="handlingCode" className="select" defaultValue={values.handlingCode}>
              <option value="">{t("chat:search.any_code")}</option>
              <option value="restricted">{t("chat:search.restricted")}</option>
              {HANDLING_CODES.map((c) => (
                <option key={c} value={c}>
                  {c} — {t(`boards:handling.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t("chat:search.submit")}
            </button>
            {searched ? (
              <Link to="/chat/search" className="btn">
                {t("chat:search.clear")}
              </Link>
            ) : null}
          </div>
        </Form>
        <FormErrors errors={fieldErrors._form} />
        <section aria-live="polite" aria-busy={busy} className="chat-search-results">
          {authorMissing ? <p className="alert alert-info">{t("chat:search.author_missing", { author: values.author })}</p> : null}
          {author ? <p className="small muted">{t("chat:search.by_author", { name: author.name })}</p> : null}
          {!searched ? (
            <EmptyState title={t("chat:search.start_title")}>
              <p className="small">{t("chat:search.start_body")}</p>
            </EmptyState>
          ) : result && result.hits.length === 0 ? (
            <EmptyState title={t("chat:search.none_title")}>
              <p className="small">{t("chat:search.none_body")}</p>
            </EmptyState>
          ) : result ? (
            <>
              <h3 className="sr-only">{t("chat:search.results")}</h3>
              <ol className="chat-hits">
                {result.hits.map((h) => {
                  const m = h.message;
                  const href = m.parentId ? `/chat/${h.channel.id}?thread=${m.id}` : `/chat/${h.channel.id}?around=${m.seq}`;
                  return (
                    <li key={m.id} className="chat-hit" data-testid="search-hit">
                      <div className="chat-hit-head">
                        <span className="chat-hit-channel">{channelLabel(h.channel)}</span>
                        {m.parentId ? <span className="badge badge-grey">{t("chat:search.in_thread")}</span> : null}
                        <span className="spacer" />
                        <time dateTime={m.createdAt} className="small muted">
                          {formatDateTime(m.createdAt, lng, timeZone)}
                        </time>
                      </div>
                      <div className="chat-hit-meta">
                        <strong>{m.author.name}</strong>
                        <span className="small muted">{m.author.agencyName}</span>
                        <CountryCode code={m.author.country} />
                        <HandlingBadge code={m.handlingCode} />
                      </div>
                      <Snippet text={h.snippet} />
                      <Link to={href} className="chat-hit-open">
                        {t("chat:search.open_in_context")}
                        <span className="sr-only"> — {m.author.name}, {formatDateTime(m.createdAt, lng, timeZone)}</span>
                      </Link>
                    </li>
                  );
                })}
              </ol>
              {result.nextCursor ? (
                <div className="pagination">
                  <span />
                  <Link className="btn btn-sm" to={nextHref(result.nextCursor)} rel="next">
                    {t("chat:search.older_results")}
                  </Link>
                </div>
              ) : null}
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
