import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OperationStatusBadge } from "../components/operations/status-badge";
import { Badge, CountryCode, EmptyState, PageHeader, Pagination, FilterActions } from "../components/ui/misc";
import { canCreateOperation } from "../domain/operations/schemas";
import { CRIME_AREAS, OPERATION_STATUSES } from "../domain/vocabulary";
import operationStyles from "../styles/operations.css";
import { requireUser } from "../utils/auth.server";
import { formatCalendarDate } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: operationStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const list = await context.services.operations.list({ actor, input: params });
  return json({ ...list, canCreate: canCreateOperation(user.officeRole) });
}

export default function Operations() {
  const { items, total, page, pageSize, filters, countries, canCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["operations", "common"]);
  const { lng } = useRootData();
  const location = useLocation();
  const filtered = Boolean(filters.status || filters.crimeArea || filters.country || filters.q);
  return (
    <>
      <PageHeader
        title={t("operations:list.title")}
        description={t("operations:list.description")}
        actions={
          canCreate ? (
            <Link to="/operations/new" className="btn btn-primary">
              {t("operations:list.new")}
            </Link>
          ) : null
        }
      />
      <Form method="get" className="card filters op-filters" key={location.search} role="search" aria-label={t("operations:list.filters")}>
        <div className="field">
          <label htmlFor="f-q">{t("operations:list.search")}</label>
          <input id="f-q" name="q" type="search" className="input" defaultValue={filters.q ?? ""} placeholder={t("operations:list.search_placeholder")} maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("operations:fields.status")}</label>
          <select id="f-status" name="status" className="select" defaultValue={filters.status ?? ""}>
            <option value="">{t("operations:list.any")}</option>
            {OPERATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`operations:status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-area">{t("operations:fields.crime_area")}</label>
          <select id="f-area" name="crimeArea" className="select" defaultValue={filters.crimeArea ?? ""}>
            <option value="">{t("operations:list.any")}</option>
            {CRIME_AREAS.map((a) => (
              <option key={a} value={a}>
                {t(`operations:crime_area.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-country">{t("operations:list.lead_country")}</label>
          <select id="f-country" name="country" className="select" defaultValue={filters.country ?? ""}>
            <option value="">{t("operations:list.any")}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <FilterActions clearTo="/operations" filtered={filtered} primary />
      </Form>
      {items.length === 0 ? (
        <div className="card">
          {filtered ? (
            <EmptyState title={t("operations:list.no_match.title")}>{t("operations:list.no_match.body")}</EmptyState>
          ) : (
            <EmptyState title={t("operations:list.empty.title")}>
              {t("operations:list.empty.body")}
              {canCreate ? (
                <div style={{ marginTop: "0.75rem" }}>
                  <Link to="/operations/new" className="btn btn-primary">
                    {t("operations:list.new")}
                  </Link>
                </div>
              ) : null}
            </EmptyState>
          )}
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">{t("operations:list.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("operations:fields.code_name")}</th>
                  <th scope="col">{t("operations:fields.status")}</th>
                  <th scope="col">{t("operations:list.my_role")}</th>
                  <th scope="col">{t("operations:fields.crime_areas")}</th>
                  <th scope="col">{t("operations:fields.lead_agency")}</th>
                  <th scope="col">{t("operations:list.members")}</th>
                  <th scope="col">{t("operations:fields.jit_end")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/operations/${o.id}`} className="op-code-name">
                        {o.codeName}
                      </Link>
                    </td>
                    <td>
                      <OperationStatusBadge status={o.status} />
                    </td>
                    <td>
                      <Badge tone={o.memberRole === "lead" ? "blue" : o.memberRole === "observer" ? "amber" : "grey"}>{t(`operations:member_role.${o.memberRole}`)}</Badge>
                    </td>
                    <td>
                      <span className="op-tags">
                        {o.crimeAreas.map((a) => (
                          <span key={a} className="badge">
                            {t(`operations:crime_area.${a}`)}
                          </span>
                        ))}
                      </span>
                    </td>
                    <td>
                      <span className="row">
                        <CountryCode code={o.leadAgencyCountry} /> {o.leadAgencyName}
                      </span>
                    </td>
                    <td>{o.memberCount}</td>
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
