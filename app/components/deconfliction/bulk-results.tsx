import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BulkRowView } from "../../domain/deconfliction/bulk/read-bulk-checks";
import { formatDate } from "../../utils/format";
import { useReader } from "../../utils/root-data";
import { Badge, CountryCode, EmptyState, Pagination } from "../ui/misc";

/** Hits (whom to call) and values that could not be read, a page at a time. */
export function BulkResults({ rows, outcome }: { rows: { items: BulkRowView[]; total: number; page: number; pageSize: number }; outcome: string }) {
  const { t } = useTranslation("bulk");
  const { lng, timeZone } = useReader();
  const [params] = useSearchParams();
  const tab = (value: string) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    if (value === "all") next.delete("outcome");
    else next.set("outcome", value);
    const q = next.toString();
    return q ? `?${q}` : "?";
  };
  return (
    <section className="stack" aria-labelledby="bulk-results-title">
      <div className="row">
        <h2 id="bulk-results-title">{t("results.title")}</h2>
        <span className="spacer" />
        <nav className="bulk-tabs" aria-label={t("results.filter")}>
          {(["all", "hit", "invalid"] as const).map((v) => (
            <Link key={v} to={tab(v)} className={outcome === v ? "btn btn-sm active" : "btn btn-sm"} aria-current={outcome === v ? "page" : undefined} preventScrollReset>
              {t(`results.show_${v}`)}
            </Link>
          ))}
        </nav>
      </div>
      {rows.items.length === 0 ? (
        <div className="card">
          <EmptyState title={t("results.empty_title")}>
            <p>{t("results.empty_body")}</p>
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t("results.title")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("results.row")}
                </th>
                <th scope="col">{t("results.column")}</th>
                <th scope="col">{t("results.value")}</th>
                <th scope="col">{t("results.kind")}</th>
                <th scope="col">{t("results.result")}</th>
                <th scope="col">{t("results.contact")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.items.map((r) => (
                <tr key={`${r.rowNumber}-${r.column}-${r.outcome}`} data-testid={`bulk-row-${r.outcome}`}>
                  <td className="num">{r.rowNumber}</td>
                  <td>{r.column}</td>
                  <td>
                    <span className="mono">{r.value}</span>
                    {r.display && r.display !== r.value ? <div className="small muted mono">{r.display}</div> : null}
                  </td>
                  <td>{t(`kinds.${r.kind}`, { defaultValue: r.kind })}</td>
                  <td>
                    {r.outcome === "hit" ? (
                      <Badge tone="red">{t("results.hit", { score: Math.round((r.score ?? 1) * 100) })}</Badge>
                    ) : (
                      <>
                        <Badge tone="amber">{t("results.invalid")}</Badge>
                        <div className="small">{t(`reasons.${r.reason ?? "invalid"}`, { defaultValue: t("reasons.invalid") })}</div>
                      </>
                    )}
                  </td>
                  <td>
                    {r.matches.map((m, i) => (
                      <div key={i} className="bulk-contact">
                        <strong>{m.contact.name}</strong> · {m.contact.agency} <CountryCode code={m.contact.country} />
                        <div className="small">
                          <a href={`mailto:${m.contact.email}`}>{m.contact.email}</a>
                          {m.contact.phone ? ` · ${m.contact.phone}` : ""} · {t("results.registered", { at: formatDate(m.registeredAt, lng, timeZone) })}
                        </div>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={rows.page} pageSize={rows.pageSize} total={rows.total} />
    </section>
  );
}
