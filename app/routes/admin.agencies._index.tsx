import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { CountrySelect, countryNames } from "../components/admin/country-select";
import { CountryCode, EmptyState, PageHeader, Pagination, FilterActions } from "../components/ui/misc";
import { countryOptions } from "../domain/agencies/countries";
import { AGENCY_KINDS } from "../domain/vocabulary";
import { INTL_LOCALE } from "../i18n/config";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireRole(request, context, ["admin"]);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { pageSize: _ignored, ...filters } = params;
  const list = await context.services.agencies.list({ actor, input: filters });
  return json({ ...list, countries: countryOptions(INTL_LOCALE[user.locale]) });
}

export default function AgenciesList() {
  const { items, total, page, pageSize, filters, countries } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["admin", "common"]);
  const [params] = useSearchParams();
  const names = countryNames(countries);
  const filtered = Boolean(filters.country || filters.kind || filters.q);
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/admin">{t("admin:home.title")}</Link>}
        title={t("admin:agencies.title")}
        description={t("admin:agencies.description")}
        actions={
          <Link to="/admin/agencies/new" className="btn btn-primary">
            {t("admin:agencies.new")}
          </Link>
        }
      />
      <AdminNav />
      <Form method="get" className="filters admin-filters" role="search" aria-label={t("admin:agencies.filters_label")}>
        <div className="field grow">
          <label htmlFor="agency-q">{t("admin:agencies.filter_text")}</label>
          <input id="agency-q" name="q" type="search" className="input" defaultValue={params.get("q") ?? ""} maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor="agency-country">{t("admin:agencies.fields.country")}</label>
          <CountrySelect id="agency-country" name="country" countries={countries} placeholder={t("admin:filters.all")} defaultValue={filters.country ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="agency-kind">{t("admin:agencies.fields.kind")}</label>
          <select id="agency-kind" name="kind" className="select" defaultValue={filters.kind ?? ""}>
            <option value="">{t("admin:filters.all")}</option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`common:agency_kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <FilterActions clearTo="/admin/agencies" filtered={filtered} />
      </Form>
      {items.length === 0 ? (
        <div className="card">
          <EmptyState title={filtered ? t("admin:agencies.empty_filtered") : t("admin:agencies.empty")}>
            {filtered ? null : <p>{t("admin:agencies.empty_body")}</p>}
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t("admin:agencies.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin:agencies.fields.name")}</th>
                <th scope="col">{t("admin:agencies.fields.country")}</th>
                <th scope="col">{t("admin:agencies.fields.kind")}</th>
                <th scope="col">{t("admin:agencies.users")}</th>
                <th scope="col">
                  <span className="sr-only">{t("admin:table.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/admin/agencies/${a.id}`}>{a.name}</Link>
                  </td>
                  <td className="admin-nowrap">
                    <CountryCode code={a.country} /> {names[a.country] ?? a.country}
                  </td>
                  <td>{t(`common:agency_kinds.${a.kind}`)}</td>
                  <td>
                    {a.userCount > 0 ? <Link to={`/admin/users?agency=${a.id}`}>{t("admin:agencies.user_count", { count: a.userCount })}</Link> : <span className="muted">{t("admin:agencies.user_count", { count: 0 })}</span>}
                  </td>
                  <td>
                    <Link to={`/admin/agencies/${a.id}`} className="btn btn-sm" aria-label={t("admin:agencies.edit_named", { name: a.name })}>
                      {t("common:actions.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}
