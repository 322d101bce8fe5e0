import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { InvitationStatusBadge } from "../components/admin/badges";
import { OneTimeLink } from "../components/admin/one-time-link";
import { adminRefusal, inviteLink } from "../components/admin/responses.server";
import { FormErrors } from "../components/ui/field";
import { CountryCode, EmptyState, PageHeader, Pagination, FilterActions } from "../components/ui/misc";
import { INVITATION_STATUSES } from "../domain/invitations/schemas";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

type ActionData = { ok: false; formErrors: string[] } | { ok: true; link: string; expiresAt: string; name: string; email: string };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const { pageSize: _ignored, ...filters } = Object.fromEntries(new URL(request.url).searchParams);
  return json(await context.services.invitations.list({ actor, input: filters }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const form = await request.formData();
  const intent = form.get("intent");
  const invitationId = String(form.get("invitationId") ?? "");
  try {
    if (intent === "revoke") {
      await context.services.invitations.revoke({ actor, invitationId });
      const back = new URL(request.url);
      back.searchParams.set("revoked", "1");
      return redirect(`${back.pathname}${back.search}`);
    }
    if (intent === "reissue") {
      const r = await context.services.invitations.reissue({ actor, invitationId });
      // shown once, in this response only: the token is not stored anywhere
      return json<ActionData>({ ok: true, link: inviteLink(request, context, r.token), expiresAt: r.expiresAt.toISOString(), name: r.name, email: r.email });
    }
  } catch (err) {
    const r = adminRefusal(err);
    return json<ActionData>({ ok: false, formErrors: r.formErrors }, { status: r.status });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function InvitationsList() {
  const { items, total, page, pageSize, filters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["admin", "common"]);
  const { lng, timeZone } = useRootData();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/admin">{t("admin:home.title")}</Link>}
        title={t("admin:invitations.title")}
        description={t("admin:invitations.description")}
        actions={
          <Link to="/admin/invitations/new" className="btn btn-primary">
            {t("admin:invitations.new")}
          </Link>
        }
      />
      <AdminNav />
      {actionData?.ok ? <OneTimeLink title={t("admin:invitations.reissued_title")} link={actionData.link} expiresAt={actionData.expiresAt} name={actionData.name} email={actionData.email} /> : null}
      {actionData && !actionData.ok ? <FormErrors errors={actionData.formErrors} /> : null}
      {params.get("revoked") && !actionData ? (
        <div className="alert alert-success" role="status" style={{ marginBottom: "1rem" }}>
          {t("admin:invitations.revoked")}
        </div>
      ) : null}
      <Form method="get" className="filters admin-filters" aria-label={t("admin:invitations.filters_label")}>
        <div className="field">
          <label htmlFor="inv-status">{t("admin:users.status")}</label>
          <select id="inv-status" name="status" className="select" defaultValue={filters.status ?? ""}>
            <option value="">{t("admin:filters.all")}</option>
            {INVITATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin:invitation_status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <FilterActions clearTo="/admin/invitations" filtered={Boolean(filters.status)} />
      </Form>
      {items.length === 0 ? (
        <div className="card">
          <EmptyState title={filters.status ? t("admin:invitations.empty_filtered") : t("admin:invitations.empty")}>
            {filters.status ? null : <p>{t("admin:invitations.empty_body")}</p>}
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t("admin:invitations.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin:invitations.invitee")}</th>
                <th scope="col">{t("admin:fields.agency")}</th>
                <th scope="col">{t("admin:users.status")}</th>
                <th scope="col">{t("admin:table.created")}</th>
                <th scope="col">{t("admin:invitations.expires")}</th>
                <th scope="col">{t("admin:table.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <div className="admin-who">
                      <Link to={`/admin/users/${i.userId}`}>{i.name}</Link>
                      <span className="small">
                        {i.email} · {t(`common:roles.${i.officeRole}`)}
                      </span>
                    </div>
                  </td>
                  <td>
                    <CountryCode code={i.agencyCountry} /> {i.agencyName}
                  </td>
                  <td>
                    <InvitationStatusBadge status={i.status} />
                  </td>
                  <td className="small">
                    {formatDateTime(i.createdAt, lng, timeZone)}
                    <br />
                    <span className="muted">{i.createdByName ? t("admin:invitations.by", { name: i.createdByName }) : t("admin:invitations.by_system")}</span>
                  </td>
                  <td className="small admin-nowrap">
                    {i.status === "accepted" && i.usedAt
                      ? t("admin:invitations.accepted_at", { date: formatDateTime(i.usedAt, lng, timeZone) })
                      : formatDateTime(i.expiresAt, lng, timeZone)}
                  </td>
                  <td>
                    <div className="admin-table-actions">
                      {i.canRevoke ? (
                        <Form method="post">
                          <input type="hidden" name="invitationId" value={i.id} />
                          <button type="submit" name="intent" value="revoke" className="btn btn-sm btn-danger" disabled={busy} aria-label={t("admin:invitations.revoke_for", { name: i.name })}>
                            {t("admin:invitations.revoke")}
                          </button>
                        </Form>
                      ) : null}
                      {i.canReissue ? (
                        <Form method="post">
                          <input type="hidden" name="invitationId" value={i.id} />
                          <button type="submit" name="intent" value="reissue" className="btn btn-sm" disabled={busy} aria-label={t("admin:invitations.reissue_for", { name: i.name })}>
                            {t("admin:invitations.reissue")}
                          </button>
                        </Form>
                      ) : null}
                    </div>
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
