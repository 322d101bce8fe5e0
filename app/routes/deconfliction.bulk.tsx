import {
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useOutlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BulkStatusBadge } from "../components/deconfliction/bulk-status";
import { orNotFound } from "../components/operations/responses.server";
import { FieldError, FormErrors } from "../components/ui/field";
import { DeconflictionNav } from "../components/deconfliction/deconfliction-nav";
import { EmptyState, PageHeader } from "../components/ui/misc";
import { MAX_BULK_BYTES, MAX_BULK_ROWS } from "../domain/deconfliction/bulk/limits";
import bulkStyles from "../styles/bulk.css";
import { requireUser } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { formRefusal } from "../utils/http.server";
import { useReader } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bulkStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

/** The reader's own bulk checks (partners are refused: the 403 page). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return json(await orNotFound(() => context.services.deconfliction.listBulkChecks({ actor })));
}

type Reply = { fieldErrors: Record<string, string[]>; formErrors: string[] };
const refuse = (status: number, fieldErrors: Record<string, string[]>, formErrors: string[] = []) => json<Reply>({ fieldErrors, formErrors }, { status });

/** Upload: the file is read and kept only for the mapping step and the run. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return refuse(400, { file: ["bulk:errors.no_file"] });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_BULK_BYTES }));
  } catch {
    // the one way parsing fails on a well-formed request is a part over the limit
    return refuse(400, { file: [`bulk:errors.too_large|${JSON.stringify({ mb: MAX_BULK_BYTES / 1024 / 1024 })}`] });
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return refuse(400, { file: ["bulk:errors.no_file"] });
  try {
    const { id } = await context.services.deconfliction.uploadBulkCheck({ actor, input: { filename: file.name || "upload.csv", bytes: new Uint8Array(await file.arrayBuffer()) } });
    return redirect(`/deconfliction/bulk/${id}`);
  } catch (err) {
    const r = formRefusal(err, { namespace: "bulk" });
    return refuse(r.status, r.fieldErrors, r.formErrors);
  }
}

export default function BulkChecks() {
  const outlet = useOutlet();
  return outlet ?? <BulkList />;
}

function BulkList() {
  const { items } = useLoaderData<typeof loader>();
  const data = useActionData<Reply>();
  const navigation = useNavigation();
  const { t } = useTranslation(["bulk", "common"]);
  const { lng, timeZone } = useReader();
  const busy = navigation.state === "submitting";
  const nf = new Intl.NumberFormat(lng);
  return (
    <>
      <PageHeader breadcrumb={<Link to="/deconfliction">{t("bulk:breadcrumb")}</Link>} title={t("bulk:title")} description={t("bulk:description")} />
      <DeconflictionNav />
      <div className="bulk-layout">
        <section className="card" aria-labelledby="bulk-upload-title">
          <h2 id="bulk-upload-title">{t("bulk:upload.title")}</h2>
          <Form method="post" encType="multipart/form-data" className="form form-wide">
            <FormErrors errors={data?.formErrors} />
            <div className="field">
              <label htmlFor="bulk-file">{t("bulk:upload.file")}</label>
              <input id="bulk-file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" className="input" required aria-describedby="bulk-file-hint" aria-invalid={data?.fieldErrors.file ? true : undefined} />
              <span className="hint" id="bulk-file-hint">
                {t("bulk:upload.hint", { mb: MAX_BULK_BYTES / 1024 / 1024, rows: nf.format(MAX_BULK_ROWS) })}
              </span>
              <FieldError errors={data?.fieldErrors.file} />
            </div>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? t("bulk:upload.reading") : t("bulk:upload.submit")}
              </button>
            </div>
          </Form>
          <ul className="bulk-notes small muted">
            <li>{t("bulk:notes.not_stored")}</li>
            <li>{t("bulk:notes.just_checking")}</li>
            <li>{t("bulk:notes.only_you")}</li>
          </ul>
        </section>
        <section aria-labelledby="bulk-list-title">
          <h2 id="bulk-list-title">{t("bulk:list.title")}</h2>
          {items.length === 0 ? (
            <div className="card">
              <EmptyState title={t("bulk:list.empty_title")}>
                <p>{t("bulk:list.empty_body")}</p>
              </EmptyState>
            </div>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="sr-only">{t("bulk:list.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("bulk:list.file")}</th>
                    <th scope="col">{t("bulk:list.uploaded")}</th>
                    <th scope="col">{t("bulk:list.status")}</th>
                    <th scope="col" className="num">
                      {t("bulk:list.rows")}
                    </th>
                    <th scope="col" className="num">
                      {t("bulk:list.hits")}
                    </th>
                    <th scope="col" className="num">
                      {t("bulk:list.invalid")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/deconfliction/bulk/${c.id}`}>{c.filename}</Link>
                      </td>
                      <td>{formatDateTime(c.createdAt, lng, timeZone)}</td>
                      <td>
                        <BulkStatusBadge status={c.status} />
                      </td>
                      <td className="num">{c.status === "mapping" ? "—" : nf.format(c.totalRows)}</td>
                      <td className="num">{c.status === "done" ? nf.format(c.hitRows) : "—"}</td>
                      <td className="num">{c.status === "done" ? nf.format(c.invalidRows) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
