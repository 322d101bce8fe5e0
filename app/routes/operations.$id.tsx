import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, Outlet, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConnectionStatus } from "../components/live/connection-status";
import { ReadOnlyBanner } from "../components/operations/read-only-banner";
import { orNotFound } from "../components/operations/responses.server";
import { OperationStatusBadge } from "../components/operations/status-badge";
import { Badge, CountryCode, EmptyState, PageHeader, Tabs } from "../components/ui/misc";
import { useLiveRevalidate } from "../hooks/use-live-revalidate";
import operationStyles from "../styles/operations.css";
import { requireUser } from "../utils/auth.server";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: operationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.operation.codeName} · Concordia` : "Concordia" }];

/**
 * The operation as its member sees it (header and overview data). Need-to-know:
 * the service finds it only through the reader's membership, so a non-member and
 * an unknown id both end in the same 404 below. The consultation itself is
 * logged by the overview's loader (see operations.$id._index.tsx).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const view = await orNotFound(() => context.services.operations.get({ actor, operationId: params.id ?? "" }));
  return json(view);
}

const ROLE_TONE = { lead: "blue", member: "grey", observer: "amber" } as const;

export default function OperationLayout() {
  const { operation, memberRole, readOnlyReason } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["operations", "common", "deconfliction"]);
  const { user } = useRootData();
  const base = `/operations/${operation.id}`;
  // Someone else's change, or the reader's removal, reloads the data (the overview's
  // loader is not rerun, so a live update is not logged as a new consultation).
  useLiveRevalidate(operation.id);
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/operations">{t("operations:list.title")}</Link>}
        title={
          <span className="op-header-title">
            <span>{operation.codeName}</span>
            <OperationStatusBadge status={operation.status} />
          </span>
        }
        description={
          <span className="op-header-meta">
            <span>{t("operations:header.my_role")}</span>
            <Badge tone={ROLE_TONE[memberRole]}>{t(`operations:member_role.${memberRole}`)}</Badge>
            <span aria-hidden="true">·</span>
            <span>{t("operations:header.lead_agency")}</span>
            <CountryCode code={operation.leadAgency.country} />
            <span>{operation.leadAgency.name}</span>
          </span>
        }
        actions={<ConnectionStatus />}
      />
      <ReadOnlyBanner reason={readOnlyReason} jitEnd={operation.jitEnd} />
      <Tabs
        items={[
          { to: base, label: t("operations:tabs.overview"), end: true },
          { to: `${base}/board`, label: t("boards:nav.board") },
          { to: `${base}/actions`, label: t("planning:tab") },
          // partners do not read the office's targets (the service refuses them too)
          ...(user?.officeRole === "ngo_partner" ? [] : [{ to: `${base}/targets`, label: t("deconfliction:nav.targets") }]),
          { to: `${base}/members`, label: t("operations:tabs.members", { count: operation.memberCount }) },
          { to: `${base}/chat`, label: t("chat:operation_tab") },
          { to: `${base}/audit`, label: t("operations:tabs.audit") },
        ]}
      />
      <Outlet />
    </>
  );
}

/**
 * Renders inside the page shell. A non-member and an unknown or malformed id
 * reach this with the same 404 and see exactly the same thing.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation(["operations", "common"]);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "not_found" : status === 403 ? "forbidden" : "server";
  return (
    <>
      <PageHeader breadcrumb={<Link to="/operations">{t("operations:list.title")}</Link>} title={t(`operations:error_page.${key}.title`)} />
      <div className="card">
        <EmptyState title={t(`operations:error_page.${key}.heading`)}>
          <p>{t(`operations:error_page.${key}.body`)}</p>
          <p className="small muted">{t("common:error_page.status", { status })}</p>
          <Link to="/operations" className="btn btn-primary">
            {t("operations:error_page.back")}
          </Link>
        </EmptyState>
      </div>
    </>
  );
}
