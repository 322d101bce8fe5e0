import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OperationStatusBadge } from "../components/operations/status-badge";
import { Badge, CountryCode, EmptyState, PageHeader, Pagination, FilterActions } from "../components/ui/misc";
import { OPERATION_STATUSES } from "../domain/vocabulary";
import operationStyles from "../styles/operations.css";
import { requireRole } from "../utils/auth.server";
import { formatCalendarDate } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: operationStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

/** Every operation's frame for the administrator: no summary, no content. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return json(await context.services.operations.adminList({ actor, input: params }));
}

export default function AdminOperations() {
  const { items, total, page, pageSize, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["operations", "common"]);
  const { lng } = useRootData();
  const location = useLocation();
  const filtered = Boolean(filters.status || filters.q);
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/admin">{t("common:nav.admin")}</Link>}
        title={t("operations:admin.title")}
        description={t("operations:admin.description")}
      />
      <Form method="get" className="card filters op-filters" key={location.search} role="search" aria-label={t("operations:list.filters")}>
        <div className="field">
          <label htmlFor="a-q">{t("operations:list.search")}</label>
          <input id="a-q" name="q" type="search" className="input" defaultValue={filters.q ?? ""} placeholder={t("operations:list.search_placeholder")} maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor="a-status">{t("operations:fields.status")}</label>
          <select id="a-status" name="status" className="select" defaultValue={filters.status ?? ""}>
            <option value="">{t("operations:list.any")}</option>
            {OPERATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`operations:status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <FilterActions clearTo="/admin/operations" filtered={filtered} primary />
      </Form>
      {items.length === 0 ? (
        <div className="card">
          <EmptyState title={filtered ? t("operations:list.no_match.title") : t("operations:admin.empty")} />
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">{t("operations:admin.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("operations:fields.code_name")}</th>
                  <th scope="col">{t("operations:fields.status")}</th>
                  <th scope="col">{t("operations:fields.lead_agency")}</th>
                  <th scope="col">{t("operations:list.members")}</th>
                  <th scope="col">{t("operations:fields.jit_end")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/admin/operations/${o.id}`} className="op-code-name">
                        {o.codeName}
                      </Link>
                    </td>
                    <td>
                      <OperationStatusBadge status={o.status} />
                    </td>
                    <td>
                      <span className="row">
                        <CountryCode code={o.leadAgencyCountry} /> {o.leadAgencyName}
                      </span>
                    </td>
                    <td>{o.memberCount === 0 ? <Badge tone="red">{t("operations:admin.no_members")}</Badge> : o.memberCount}</td>
                    <td>
                      {o.jitEnd ? formatCalendarDate(o.jitEnd, lng) : t("common:none")}
                      {o.readOnlyReason === "jit_expired" ? (
                        <div>
                          <Badge tone="amber">{t("operations:read_only.jit_expired_short")}</Badge>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={pageSize} total={total} />
        </>
      )}
    </>
  );
}
