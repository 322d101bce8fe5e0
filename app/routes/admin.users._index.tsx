import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { AgencySelect } from "../components/admin/agency-select";
import { SecondFactorBadge, UserStatusBadge } from "../components/admin/badges";
import { countryNames } from "../components/admin/country-select";
import { CountryCode, EmptyState, PageHeader, Pagination, FilterActions } from "../components/ui/misc";
import { countryOptions } from "../domain/agencies/countries";
import { USER_STATUSES } from "../domain/users/schemas";
import { OFFICE_ROLES } from "../domain/vocabulary";
import { INTL_LOCALE } from "../i18n/config";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireRole(request, context, ["admin"]);
  const { pageSize: _ignored, ...filters } = Object.fromEntries(new URL(request.url).searchParams);
  const [list, agencies] = await Promise.all([context.services.users.list({ actor, input: filters }), context.services.agencies.options({ actor })]);
  return json({ ...list, agencies, countries: countryOptions(INTL_LOCALE[user.locale]) });
}

export default function UsersList() {
  const { items, total, page, pageSize, filters, agencies, countries } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["admin", "common"]);
  const { lng, timeZone } = useRootData();
  const [params] = useSearchParams();
  const names = countryNames(countries);
  const filtered = Boolean(filters.agency || filters.role || filters.status || filters.q);
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/admin">{t("admin:home.title")}</Link>}
        title={t("admin:users.title")}
        description={t("admin:users.description")}
        actions={
          <Link to="/admin/invitations/new" className="btn btn-primary">
            {t("admin:invitations.new")}
          </Link>
        }
      />
      <AdminNav />
      <Form method="get" className="filters admin-filters" role="search" aria-label={t("admin:users.filters_label")}>
        <div className="field grow">
          <label htmlFor="user-q">{t("admin:users.filter_text")}</label>
          <input id="user-q" name="q" type="search" className="input" defaultValue={params.get("q") ?? ""} maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor="user-agency">{t("admin:fields.agency")}</label>
          <AgencySelect id="user-agency" name="agency" agencies={agencies} countryNames={names} placeholder={t("admin:filters.all")} defaultValue={filters.agency ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="user-role">{t("admin:fields.office_role")}</label>
          <select id="user-role" name="role" className="select" defaultValue={filters.role ?? ""}>
            <option value="">{t("admin:filters.all")}</option>
            {OFFICE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-status">{t("admin:users.status")}</label>
          <select id="user-status" name="status" className="select" defaultValue={filters.status ?? ""}>
            <option value="">{t("admin:filters.all")}</option>
            {USER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin:user_status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <FilterActions clearTo="/admin/users" filtered={filtered} />
      </Form>
      {items.length === 0 ? (
        <div className="card">
          <EmptyState title={filtered ? t("admin:users.empty_filtered") : t("admin:users.empty")} />
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t("admin:users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin:fields.name")}</th>
                <th scope="col">{t("admin:fields.agency")}</th>
                <th scope="col">{t("admin:fields.office_role")}</th>
                <th scope="col">{t("admin:users.status")}</th>
                <th scope="col">{t("admin:users.last_sign_in")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <tr key={u.id}>
                  <td>
                    <div className="admin-who">
                      <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                      <span className="small">{u.email}</span>
                    </div>
                  </td>
                  <td>
                    <CountryCode code={u.agencyCountry} /> {u.agencyName}
                  </td>
                  <td className="admin-nowrap">{t(`common:roles.${u.officeRole}`)}</td>
                  <td>
                    <div className="row">
                      <UserStatusBadge status={u.status} />
                      {u.status !== "invited" ? <SecondFactorBadge enabled={u.totpEnabled} /> : null}
                    </div>
                  </td>
                  <td className="admin-nowrap small">{u.lastSignInAt ? formatDateTime(u.lastSignInAt, lng, timeZone) : <span className="muted">{t("admin:users.never")}</span>}</td>
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
