import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { adminRefusal } from "../components/admin/responses.server";
import { FormErrors } from "../components/ui/field";
import { Badge, CountryCode, EmptyState, PageHeader, FilterActions } from "../components/ui/misc";
import { isDomainError } from "../domain/errors";
import { API_TOKEN_STATES, type ApiTokenState } from "../domain/integration/vocabulary";
import adminStyles from "../styles/admin.css";
import tokenStyles from "../styles/api-tokens.css";
import { requireRole } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: adminStyles },
  { rel: "stylesheet", href: tokenStyles },
];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

const STATE_TONE: Record<ApiTokenState, "green" | "grey" | "red"> = { active: "green", expired: "grey", revoked: "red" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const filters = Object.fromEntries(new URL(request.url).searchParams);
  const [list, options] = await Promise.all([
    // a hand-edited URL with a bad filter shows the whole list rather than an error page
    context.services.integration.listTokens({ actor, input: { agency: filters.agency ?? "", state: filters.state ?? "" } }).catch((err: unknown) => {
      if (isDomainError(err) && err.code === "invalid") return context.services.integration.listTokens({ actor });
      throw err;
    }),
    context.services.integration.tokenFormOptions({ actor }),
  ]);
  return json({ ...list, agencies: options.agencies });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const form = await request.formData();
  if (form.get("intent") !== "revoke") throw new Response("Bad Request", { status: 400 });
  try {
    await context.services.integration.revokeToken({ actor, tokenId: String(form.get("tokenId") ?? "") });
  } catch (err) {
    const r = adminRefusal(err);
    return json({ formErrors: r.formErrors }, { status: r.status });
  }
  const back = new URL(request.url);
  back.searchParams.set("revoked", "1");
  return redirect(`${back.pathname}${back.search}`);
}

export default function ApiTokens() {
  const { items, filters, agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["integration", "admin", "common"]);
  const { lng, timeZone } = useRootData();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const filtered = Boolean(filters.agency || filters.state);
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/admin">{t("admin:home.title")}</Link>}
        title={t("integration:title")}
        description={t("integration:description")}
        actions={
          <>
            <a href="/api/v1/openapi.json" className="btn" target="_blank" rel="noreferrer">
              {t("integration:docs_link")}
            </a>
            <Link to="/admin/api-tokens/new" className="btn btn-primary">
              {t("integration:new")}
            </Link>
          </>
        }
      />
      <AdminNav />
      {actionData ? <FormErrors errors={actionData.formErrors} /> : null}
      {params.get("revoked") && !actionData ? (
        <div className="alert alert-success" role="status" style={{ marginBottom: "1rem" }}>
          {t("integration:revoked")}
        </div>
      ) : null}
      <Form method="get" className="filters admin-filters" aria-label={t("integration:filters.label")}>
        <div className="field">
          <label htmlFor="tok-state">{t("integration:filters.state")}</label>
          <select id="tok-state" name="state" className="select" defaultValue={filters.state ?? ""}>
            <option value="">{t("integration:filters.all")}</option>
            {API_TOKEN_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`integration:state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="tok-agency">{t("integration:filters.agency")}</label>
          <select id="tok-agency" name="agency" className="select" defaultValue={filters.agency ?? ""}>
            <option value="">{t("integration:filters.all")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.country})
              </option>
            ))}
          </select>
        </div>
        <FilterActions clearTo="/admin/api-tokens" filtered={filtered} />
      </Form>
      {items.length === 0 ? (
        <div className="card">
          <EmptyState title={filtered ? t("integration:empty_filtered") : t("integration:empty")}>
            {filtered ? null : (
              <>
                <p>{t("integration:empty_body")}</p>
                <p>
                  <Link to="/admin/api-tokens/new" className="btn btn-primary">
                    {t("integration:new")}
                  </Link>
                </p>
              </>
            )}
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t("integration:table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("integration:table.token")}</th>
                <th scope="col">{t("integration:table.agency")}</th>
                <th scope="col">{t("integration:table.acting_user")}</th>
                <th scope="col">{t("integration:table.scopes")}</th>
                <th scope="col">{t("integration:table.created")}</th>
                <th scope="col">{t("integration:table.last_used")}</th>
                <th scope="col">{t("integration:table.expires")}</th>
                <th scope="col">{t("integration:table.status")}</th>
                <th scope="col">{t("integration:table.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <div className="admin-who">
                      <strong>{i.name}</strong>
                      <span className="small mono">{i.prefix}</span>
                    </div>
                  </td>
                  <td>
                    <CountryCode code={i.agencyCountry} /> {i.agencyName}
                  </td>
                  <td>
                    <div className="admin-who">
                      <Link to={`/admin/users/${i.actingUser.id}`}>{i.actingUser.name}</Link>
                      <span className="small">
                        {i.actingUser.email}
                        {i.actingUser.disabled ? ` · ${t("integration:table.acting_user_disabled")}` : ""}
                      </span>
                    </div>
                  </td>
                  <td>
                    <div className="api-token-scopes-cell">
                      {i.scopes.map((s) => (
                        <Badge key={s} tone="blue">
                          {t(`integration:scopes.${s}`)}
                        </Badge>
                      ))}
                    </div>
                  </td>
                  <td className="small">
                    <span className="admin-nowrap">{formatDateTime(i.createdAt, lng, timeZone)}</span>
                    <br />
                    <span className="muted">{t("integration:table.by", { name: i.createdByName })}</span>
                  </td>
                  <td className="small admin-nowrap">{i.lastUsedAt ? formatDateTime(i.lastUsedAt, lng, timeZone) : <span className="muted">{t("integration:table.never")}</span>}</td>
                  <td className="small admin-nowrap">{i.expiresAt ? formatDateTime(i.expiresAt, lng, timeZone) : <span className="muted">{t("integration:table.no_expiry")}</span>}</td>
                  <td>
                    <Badge tone={STATE_TONE[i.state]}>{t(`integration:state.${i.state}`)}</Badge>
                    {i.revokedAt ? (
                      <div className="small muted">{t("integration:table.revoked_by", { date: formatDateTime(i.revokedAt, lng, timeZone), name: i.revokedByName ?? "—" })}</div>
                    ) : null}
                  </td>
                  <td>
                    {i.state !== "revoked" ? (
                      <Form method="post" className="admin-table-actions">
                        <input type="hidden" name="tokenId" value={i.id} />
                        {/* a second, deliberate click: works without JavaScript */}
                        <details className="api-token-confirm">
                          <summary className="btn btn-sm btn-danger" aria-label={t("integration:revoke_for", { name: i.name })}>
                            {t("integration:revoke")}…
                          </summary>
                          <p className="small">{t("integration:revoke_confirm")}</p>
                          <button type="submit" name="intent" value="revoke" className="btn btn-sm btn-danger" disabled={busy}>
                            {t("integration:revoke_submit")}
                          </button>
                        </details>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
