import { parseWithZod } from "@conform-to/zod";
import { json, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditFilters } from "../components/audit/audit-filters";
import { AuditPager } from "../components/audit/audit-pager";
import { AuditTable } from "../components/audit/audit-table";
import { EmptyState } from "../components/ui/misc";
import { auditFilterParams, auditFilterSchema } from "../domain/audit/schemas";
import auditStyles from "../styles/audit.css";
import { requireUser } from "../utils/auth.server";
import { timeZoneName } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: auditStyles }];

/** A non-member gets exactly the 404 of an operation that does not exist. */
function notFoundIfHidden(err: unknown): never {
  if (err instanceof Error && (err as { code?: unknown }).code === "not_found") throw new Response("Not Found", { status: 404 });
  throw err;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const operationId = params.id ?? "";
  const search = new URL(request.url).searchParams;
  search.delete("operation");
  const values = auditFilterParams(search);
  const submission = parseWithZod(search, { schema: auditFilterSchema });
  try {
    if (submission.status !== "success") {
      const options = await context.services.audit.filterChoices({ actor, operationId });
      return json({ page: null, options, errors: submission.error ?? {}, values }, { status: 400 });
    }
    const { rows, newer, older, total, options } = await context.services.audit.listForOperation({
      actor,
      operationId,
      input: submission.value,
      timeZone: user.timeZone,
    });
    return json({ page: { rows, newer, older, total }, options, errors: null, values });
  } catch (err) {
    notFoundIfHidden(err);
  }
}

export default function OperationAudit() {
  const { page, options, errors, values } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["audit", "common"]);
  const { lng, timeZone } = useRootData();
  return (
    <section aria-labelledby="op-audit-title">
      <div className="card-title">
        <h2 id="op-audit-title">{t("audit:operation.title")}</h2>
      </div>
      <p className="muted">{t("audit:operation.description")}</p>
      <AuditFilters values={values} options={options} showOperation={false} errors={errors} />
      {errors ? (
        <div className="alert alert-error" role="alert">
          {t("audit:errors.bad_filters")}
        </div>
      ) : page && page.rows.length > 0 ? (
        <>
          <AuditTable rows={page.rows} showOperation={false} caption={t("audit:operation.caption")} />
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
    </section>
  );
}
