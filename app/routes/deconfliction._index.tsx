import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ContactCard } from "../components/deconfliction/contact-card";
import { DeconflictionNav } from "../components/deconfliction/deconfliction-nav";
import deconflictionStyles from "../components/deconfliction/deconfliction.css";
import { EscalatedBadge, HitStatusBadge, ScoreMeter, useAge } from "../components/deconfliction/hit-badges";
import { hitFilters } from "../components/deconfliction/hit-filters.server";
import { useLiveHits } from "../components/deconfliction/use-live-hits";
import { ConnectionStatus } from "../components/live/connection-status";
import { EmptyState, PageHeader, Pagination, FilterActions } from "../components/ui/misc";
import { IDENTIFIER_KINDS } from "../domain/deconfliction/identifiers/kinds";
import { HIT_STATUSES } from "../domain/deconfliction/vocabulary";
import { requireUser } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: deconflictionStyles }];
export const meta: MetaFunction = () => [{ title: "Deconfliction · Concordia" }];

/** The hits of the reader's operations, oldest open first; office leads also see what was escalated office-wide. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  // partners refer victims: the office's targets and hits are not theirs to see
  if (user.officeRole === "ngo_partner") throw new Response("Forbidden", { status: 403 });
  const { filters, input } = hitFilters(new URL(request.url));
  const dc = context.services.deconfliction;
  const [list, operations, escalated] = await Promise.all([
    dc.listHits({ actor, input }),
    context.services.operations.listMine({ actor }),
    user.officeRole === "office_lead" ? dc.listEscalatedHits({ actor }) : Promise.resolve(null),
  ]);
  return json({ ...list, filters, operations: operations.map((o) => ({ id: o.id, codeName: o.codeName })), escalated, now: Date.now() });
}

export default function Deconfliction() {
  const { items, total, page, pageSize, filters, operations, escalated, now: loadedAt } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["deconfliction", "common", "boards"]);
  const { lng, timeZone } = useRootData();
  const age = useAge();
  const [arrived, setArrived] = useState(false);
  useLiveHits(() => setArrived(true));
  // ages count from the server's clock at load time, refreshed each minute
  const [now, setNow] = useState(loadedAt);
  useEffect(() => {
    setNow(loadedAt);
    const timer = setInterval(() => setNow((n) => n + 60_000), 60_000);
    return () => clearInterval(timer);
  }, [loadedAt]);
  const filtered = filters.status !== "open" || Boolean(filters.kind) || Boolean(filters.operation);

  return (
    <>
      <PageHeader title={t("hits.title")} description={t("hits.description")} actions={<ConnectionStatus />} />
      <DeconflictionNav />
      {arrived ? (
        <div className="alert alert-info" role="status" style={{ marginBottom: "1rem" }}>
          {t("hits.new_arrived")}
        </div>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label={t("hits.filters_label")}>
        <div className="field">
          <label htmlFor="hit-status">{t("hits.status")}</label>
          <select id="hit-status" name="status" className="select" defaultValue={filters.status}>
            {["open", ...HIT_STATUSES, "all"].map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="hit-kind">{t("hits.kind")}</label>
          <select id="hit-kind" name="kind" className="select" defaultValue={filters.kind}>
            <option value="">{t("hits.all_kinds")}</option>
            <option value="event">{t("kinds.event")}</option>
            <KindOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="hit-operation">{t("hits.operation")}</label>
          <select id="hit-operation" name="operation" className="select" defaultValue={filters.operation}>
            <option value="">{t("hits.all_operations")}</option>
            {operations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.codeName}
              </option>
            ))}
          </select>
        </div>
        <FilterActions clearTo="/deconfliction" filtered={filtered} />
        <span className="spacer" />
        <span className="dc-live small">{t("hits.live_hint")}</span>
      </Form>

      {items.length === 0 ? (
        <div className="card">
          <EmptyState title={filtered ? t("hits.empty_filtered") : t("hits.empty")}>{filtered ? null : <p>{t("hits.empty_body")}</p>}</EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="hits-table">
            <caption className="sr-only">{t("hits.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hits.table.status")}</th>
                <th scope="col">{t("hits.table.what")}</th>
                <th scope="col">{t("hits.table.score")}</th>
                <th scope="col">{t("hits.table.mine")}</th>
                <th scope="col">{t("hits.table.contact")}</th>
                <th scope="col">{t("hits.table.age")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((h) => {
                const escalatedNow = Boolean(h.escalatedAt) && h.status === "new";
                return (
                  <tr key={h.id} className={escalatedNow ? "dc-row-escalated" : undefined} data-hit-id={h.id}>
                    <td>
                      <div className="dc-status-cell">
                        <HitStatusBadge status={h.status} />
                        {escalatedNow ? <EscalatedBadge title={t("hits.escalated_short")} /> : null}
                      </div>
                    </td>
                    <td>
                      <Link to={`/deconfliction/hits/${h.id}`}>
                        <strong>{h.kind === "event" ? t("kinds.event") : t(`kinds.${h.identifierKind ?? "phone"}`)}</strong>
                      </Link>
                    </td>
                    <td>
                      <ScoreMeter score={h.score} />
                    </td>
                    <td>
                      <div className="dc-contact-compact">
                        {h.mine.targetId ? (
                          <Link className="dc-value" to={`/operations/${h.mine.operationId}/targets/${h.mine.targetId}`}>
                            {h.mine.display}
                          </Link>
                        ) : (
                          <span>{h.mine.actionKind ? t(`boards:action_kinds.${h.mine.actionKind}`) : ""}</span>
                        )}
                        <span className="small muted">{h.mine.operationCodeName}</span>
                      </div>
                    </td>
                    <td>
                      <ContactCard contact={h.other.contact} compact />
                    </td>
                    <td className="dc-nowrap">
                      <span title={formatDateTime(h.createdAt, lng, timeZone)}>{h.status === "resolved" ? formatDateTime(h.resolvedAt, lng, timeZone) : age(h.createdAt, now)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />

      {escalated ? (
        <section aria-labelledby="escalated-title">
          <div className="dc-section-title">
            <h2 id="escalated-title">{t("hits.escalated_office")}</h2>
          </div>
          <p className="small muted">{t("hits.escalated_office_hint")}</p>
          {escalated.items.length === 0 ? (
            <div className="card">
              <EmptyState title={t("hits.escalated_none")} />
            </div>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="sr-only">{t("hits.escalated_office")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("hits.table.status")}</th>
                    <th scope="col">{t("hits.table.what")}</th>
                    <th scope="col">{t("hits.officers")}</th>
                    <th scope="col">{t("hits.table.age")}</th>
                  </tr>
                </thead>
                <tbody>
                  {escalated.items.map((h) => (
                    <tr key={h.id} className="dc-row-escalated">
                      <td>
                        <div className="dc-status-cell">
                          <HitStatusBadge status={h.status} />
                          <EscalatedBadge />
                        </div>
                      </td>
                      <td>
                        <Link to={`/deconfliction/hits/${h.id}`}>
                          <strong>{h.kind === "event" ? t("kinds.event") : t(`kinds.${h.identifierKind ?? "phone"}`)}</strong>
                        </Link>
                      </td>
                      <td>
                        <div className="row" style={{ alignItems: "flex-start", gap: "1.25rem" }}>
                          {h.officers.map((c, i) => (
                            <ContactCard key={i} contact={c} compact />
                          ))}
                        </div>
                      </td>
                      <td className="dc-nowrap">{age(h.createdAt, now)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}

function KindOptions() {
  const { t } = useTranslation("deconfliction");
  return (
    <>
      {IDENTIFIER_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`kinds.${k}`)}
        </option>
      ))}
    </>
  );
}

