import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { Badge, PageHeader } from "../components/ui/misc";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  return json({ overview: await context.services.office.overview({ actor }) });
}

function AdminCard({ to, title, value, body, children }: { to: string; title: string; value: number; body: string; children?: ReactNode }) {
  return (
    <Link to={to} className="card admin-card" prefetch="intent">
      <h2>{title}</h2>
      <span className="value">{value}</span>
      <p>{body}</p>
      {children ? <div className="facts">{children}</div> : null}
    </Link>
  );
}

export default function AdminHome() {
  const { overview: o } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["admin", "common"]);
  return (
    <>
      <PageHeader title={t("admin:home.title")} description={t("admin:home.description")} />
      <AdminNav />
      <div className="admin-cards">
        <AdminCard to="/admin/users" title={t("admin:nav.users")} value={o.users.total} body={t("admin:home.users_body")}>
          <Badge tone="green">{t("admin:home.count_active", { count: o.users.active })}</Badge>
          {o.users.invited ? <Badge tone="blue">{t("admin:home.count_invited", { count: o.users.invited })}</Badge> : null}
          {o.users.locked ? <Badge tone="amber">{t("admin:home.count_locked", { count: o.users.locked })}</Badge> : null}
          {o.users.disabled ? <Badge tone="red">{t("admin:home.count_disabled", { count: o.users.disabled })}</Badge> : null}
        </AdminCard>
        <AdminCard to="/admin/agencies" title={t("admin:nav.agencies")} value={o.agencies.total} body={t("admin:home.agencies_body")}>
          <Badge>{t("admin:home.count_countries", { count: o.agencies.countries })}</Badge>
        </AdminCard>
        <AdminCard to="/admin/invitations" title={t("admin:nav.invitations")} value={o.invitations.pending} body={t("admin:home.invitations_body")}>
          <Badge tone="blue">{t("admin:home.count_pending", { count: o.invitations.pending })}</Badge>
        </AdminCard>
        <AdminCard to="/admin/policies" title={t("admin:nav.policies")} value={o.policies.rolesRequiringTotp} body={t("admin:home.policies_body")}>
          <Badge tone={o.policies.rolesRequiringTotp ? "green" : "amber"}>{t("admin:home.count_roles_totp", { count: o.policies.rolesRequiringTotp })}</Badge>
        </AdminCard>
        <AdminCard to="/admin/operations" title={t("admin:nav.operations")} value={o.operations.total} body={t("admin:home.operations_body")}>
          <Badge tone="green">{t("admin:home.count_operations_active", { count: o.operations.active })}</Badge>
        </AdminCard>
      </div>
      <p className="small muted" style={{ marginTop: "1.25rem" }}>
        {t("admin:home.cli_hint")} <code>npm run cli -- help</code>
      </p>
    </>
  );
}
