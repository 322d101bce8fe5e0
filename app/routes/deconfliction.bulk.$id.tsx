import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { BulkMappingForm } from "../components/deconfliction/bulk-mapping";
import { BulkResults } from "../components/deconfliction/bulk-results";
import { BulkStatusBadge } from "../components/deconfliction/bulk-status";
import { orNotFound } from "../components/operations/responses.server";
import { PageHeader } from "../components/ui/misc";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import { requireUser } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { formRefusal } from "../utils/http.server";
import { useReader } from "../utils/root-data";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const bulkCheckId = params.id ?? "";
  const url = new URL(request.url);
  const data = await orNotFound(() => context.services.deconfliction.getBulkCheck({ actor, bulkCheckId }));
  const outcome = url.searchParams.get("outcome");
  const rows =
    data.check.status === "done"
      ? await orNotFound(() =>
          context.services.deconfliction.listBulkCheckRows({
            actor,
            bulkCheckId,
            input: { page: url.searchParams.get("page") || undefined, outcome: outcome === "hit" || outcome === "invalid" ? outcome : "all" },
          }),
        )
      : null;
  return json({ ...data, rows });
}

type Reply = { fieldErrors: Record<string, string[]>; formErrors: string[] };

/** The mapping step: the form's col_<n> selects become the column mapping; then the run is queued. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const bulkCheckId = params.id ?? "";
  const fd = await request.formData();
  const columns: Record<string, string> = {};
  for (const [k, v] of fd.entries()) {
    const m = /^col_(\d{1,3})$/.exec(k);
    if (m && typeof v === "string") columns[String(Number(m[1]))] = v;
  }
  const str = (k: string) => (typeof fd.get(k) === "string" ? (fd.get(k) as string) : "");
  try {
    await context.services.deconfliction.startBulkCheck({
      actor,
      bulkCheckId,
      input: { hasHeader: str("hasHeader"), columns, defaultCountry: str("defaultCountry"), operationId: str("operationId") },
    });
    return redirect(`/deconfliction/bulk/${bulkCheckId}`);
  } catch (err) {
    const r = formRefusal(err, { namespace: "bulk" });
    return json<Reply>({ fieldErrors: r.fieldErrors, formErrors: r.formErrors }, { status: r.status });
  }
}

/** While the run goes on, the page reloads its numbers every second (they are the owner's alone: no room to push to). */
function usePolling(active: boolean) {
  const revalidator = useRevalidator();
  const ref = useRef(revalidator);
  ref.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (ref.current.state === "idle") ref.current.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active]);
}

export default function BulkCheckPage() {
  const { check, preview, rows } = useLoaderData<typeof loader>();
  const data = useStickyActionData<Reply>();
  const { t } = useTranslation(["bulk", "common"]);
  const { lng, timeZone } = useReader();
  const navigation = useNavigation();
  const [search] = useSearchParams();
  const running = check.status === "queued" || check.status === "running";
  usePolling(running);
  const nf = new Intl.NumberFormat(lng);
  const pct = check.totalRows > 0 ? Math.floor((check.processedRows / check.totalRows) * 100) : 0;
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/deconfliction/bulk">{t("bulk:title")}</Link>}
        title={check.filename}
        description={
          <span className="row">
            <BulkStatusBadge status={check.status} />
            <span>{t("bulk:detail.uploaded", { at: formatDateTime(check.createdAt, lng, timeZone) })}</span>
          </span>
        }
        actions={
          check.status === "done" ? (
            <a className="btn" href={`/deconfliction/bulk/${check.id}/result.csv`} download>
              {t("bulk:results.download")}
            </a>
          ) : null
        }
      />
      {check.status === "mapping" && preview ? (
        <BulkMappingForm preview={preview} fieldErrors={data?.fieldErrors ?? {}} formErrors={data?.formErrors ?? []} busy={navigation.state === "submitting"} />
      ) : null}
      {running ? (
        <section className="card" aria-labelledby="bulk-progress-title">
          <h2 id="bulk-progress-title">{check.status === "queued" ? t("bulk:progress.queued") : t("bulk:progress.running")}</h2>
          <progress className="bulk-progress" max={check.totalRows} value={check.processedRows} aria-labelledby="bulk-progress-title" />
          <p className="bulk-progress-text" aria-live="polite">
            {t("bulk:progress.rows", { done: nf.format(check.processedRows), total: nf.format(check.totalRows), pct })}
          </p>
          <p className="small muted">{t("bulk:progress.leave")}</p>
        </section>
      ) : null}
      {check.status === "failed" ? (
        <div className="alert alert-error" role="alert">
          {t("bulk:progress.failed")}
        </div>
      ) : null}
      {check.status === "done" && rows ? (
        <>
          <div className="grid grid-4 bulk-stats">
            <div className="card stat">
              <span className="value">{nf.format(check.totalRows)}</span>
              <span className="label">{t("bulk:results.rows_checked")}</span>
            </div>
            <div className="card stat">
              <span className={check.hitRows > 0 ? "value bulk-stat-hit" : "value"}>{nf.format(check.hitRows)}</span>
              <span className="label">{t("bulk:results.rows_with_hits")}</span>
            </div>
            <div className="card stat">
              <span className="value">{nf.format(check.invalidRows)}</span>
              <span className="label">{t("bulk:results.rows_invalid")}</span>
            </div>
            <div className="card stat">
              <span className="value bulk-stat-time">{check.finishedAt ? formatDateTime(check.finishedAt, lng, timeZone) : ""}</span>
              <span className="label">{t("bulk:results.finished")}</span>
            </div>
          </div>
          <BulkResults rows={rows} outcome={search.get("outcome") ?? "all"} />
          <p className="small muted bulk-footnote">{t("bulk:notes.not_stored")} {t("bulk:notes.only_you")}</p>
        </>
      ) : null}
    </>
  );
}
