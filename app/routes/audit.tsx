import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditFilters } from "../components/audit/audit-filters";
import { AuditPager } from "../components/audit/audit-pager";
import { AuditTable } from "../components/audit/audit-table";
import { EmptyState, PageHeader } from "../components/ui/misc";
import type { ChainReport } from "../domain/audit/verify-chain";
import { AUDIT_EXPORT_MAX, AUDIT_FILTER_KEYS, auditFilterParams, auditFilterSchema } from "../domain/audit/schemas";
import { INTL_LOCALE } from "../i18n/config";
import auditStyles from "../styles/audit.css";
import { requireRole } from "../utils/auth.server";
import { timeZoneName } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: auditStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

const READERS = ["office_lead", "admin"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireRole(request, context, READERS);
  const params = new URL(request.url).searchParams;
  const values = auditFilterParams(params);
  const isAdmin = user.officeRole === "admin";
  const submission = parseWithZod(params, { schema: auditFilterSchema });
  if (submission.status !== "success") {
    const options = await context.services.audit.filterChoices({ actor });
    return json({ page: null, options, errors: submission.error ?? {}, values, isAdmin }, { status: 400 });
  }
  const { rows, newer, older, total, options } = await context.services.audit.list({ actor, input: submission.value, timeZone: user.timeZone });
  return json({ page: { rows, newer, older, total }, options, errors: null, values, isAdmin });
}

/** Verifying the chain reads every row: administrators only. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["admin"]);
  const form = await request.formData();
  if (form.get("intent") !== "verify") throw new Response("Bad Request", { status: 400 });
  const report: ChainReport = await context.services.audit.verifyChain({ actor: user.actor });
  return json({ report });
}

export default function AuditLog() {
  const { page, options, errors, values, isAdmin } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["audit", "common"]);
  const { lng, timeZone } = useRootData();
  const [params] = useSearchParams();
  const exportQuery = new URLSearchParams();
  for (const k of AUDIT_FILTER_KEYS) {
    const v = params.get(k);
    if (v) exportQuery.set(k, v);
  }
  const max = new Intl.NumberFormat(INTL_LOCALE[lng]).format(AUDIT_EXPORT_MAX);
  return (
    <>
      <PageHeader title={t("audit:title")} description={t("audit:description")} />
      <div className="audit-side">
        <section className="card" aria-labelledby="audit-export-title">
          <h2 id="audit-export-title">{t("audit:export.title")}</h2>
          <p className="muted small">{t("audit:export.body", { max })}</p>
          {page ? (
            <a className="btn" href={`/audit.csv${exportQuery.toString() ? `?${exportQuery.toString()}` : ""}`} download>
              {t("common:actions.download_csv")}
            </a>
          ) : null}
        </section>
        {isAdmin ? <VerifyChainCard /> : null}
      </div>
      <AuditFilters values={values} options={options} showOperation errors={errors} />
      {errors ? (
        <div className="alert alert-error" role="alert">
          {t("audit:errors.bad_filters")}
        </div>
      ) : page && page.rows.length > 0 ? (
        <>
          <AuditTable rows={page.rows} caption={t("audit:table.caption")} />
          <AuditPager newer={page.newer} older={page.older} total={page.total} />
        </>
      ) : (
        <div className="card">
          <EmptyState title={t("audit:empty.title")}>{t("audit:empty.body")}</EmptyState>
          {page ? <AuditPager newer={page.newer} older={page.older} total={page.total} /> : null}
        </div>
      )}
      <p className="audit-note">
        <span>{t("audit:times_in_zone", { zone: `${timeZoneName(lng, timeZone)} (${timeZone})` })}</span>
        <span aria-hidden="true">·</span>
        <span>{t("audit:read_only_note")}</span>
      </p>
    </>
  );
}

function VerifyChainCard() {
  const { t } = useTranslation("audit");
  const { lng } = useRootData();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "verify";
  const report = data?.report;
  const n = (x: number) => new Intl.NumberFormat(INTL_LOCALE[lng]).format(x);
  return (
    <section className="card" aria-labelledby="audit-verify-title">
      <h2 id="audit-verify-title">{t("audit:verify.title")}</h2>
      <p className="muted small">{t("audit:verify.body")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="verify" />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("audit:verify.running") : t("audit:verify.button")}
        </button>
      </Form>
      <div aria-live="polite">
        {report ? (
          report.intact ? (
            <div className="alert alert-success audit-chain-result" role="status">
              {t("audit:verify.intact", { n: n(report.rows) })}
              {report.witnessed > 0 ? <div className="small">{t("audit:verify.witnessed", { count: report.witnessed, n: n(report.witnessed) })}</div> : null}
            </div>
          ) : (
            <div className="alert alert-error audit-chain-result" role="alert">
              <strong>{t("audit:verify.broken_title")}</strong>
              <div>
                {t(`audit:verify.broken_${report.problem}`, { id: report.firstBadId })}
              </div>
              <div className="small">{t("audit:verify.checked", { n: n(report.rows) })}</div>
            </div>
          )
        ) : null}
      </div>
    </section>
  );
}
