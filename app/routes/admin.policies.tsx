import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { adminRefusal } from "../components/admin/responses.server";
import { FormErrors } from "../components/ui/field";
import { PageHeader } from "../components/ui/misc";
import { rolePoliciesSchema } from "../domain/office/schemas";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  return json({ policies: await context.services.office.listPolicies({ actor }) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const submission = parseWithZod(await request.formData(), { schema: rolePoliciesSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const r = await context.services.office.setPolicies({ actor, input: submission.value });
    return redirect(`/admin/policies?${r.changed ? "saved" : "unchanged"}=1`);
  } catch (err) {
    const r = adminRefusal(err);
    return json(submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }), { status: r.status });
  }
}

export default function Policies() {
  const { policies } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation(["admin", "common"]);
  const { lng, timeZone } = useRootData();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errors = lastResult?.error ? Object.values(lastResult.error).flat().filter((e): e is string => typeof e === "string") : null;
  const notice = lastResult ? null : params.get("saved") ? t("admin:policies.saved") : params.get("unchanged") ? t("admin:policies.unchanged") : null;
  return (
    <>
      <PageHeader breadcrumb={<Link to="/admin">{t("admin:home.title")}</Link>} title={t("admin:policies.title")} description={t("admin:policies.description")} />
      <AdminNav />
      {notice ? (
        <div className="alert alert-success" role="status" style={{ marginBottom: "1rem" }}>
          {notice}
        </div>
      ) : null}
      <Form method="post" className="stack">
        <FormErrors errors={errors} />
        <div className="table-wrap">
          <table className="table admin-policy-table">
            <caption className="sr-only">{t("admin:policies.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin:fields.office_role")}</th>
                <th scope="col">{t("admin:policies.require_totp")}</th>
                <th scope="col">{t("admin:table.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {policies.map((p) => (
                <tr key={p.role}>
                  <th scope="row">
                    {t(`common:roles.${p.role}`)}
                  </th>
                  <td>
                    <label>
                      <input type="checkbox" name="requireTotp" value={p.role} defaultChecked={p.requireTotp} />
                      {t("admin:policies.require_totp_for", { role: t(`common:roles.${p.role}`) })}
                    </label>
                  </td>
                  <td className="small muted">{p.updatedAt ? formatDateTime(p.updatedAt, lng, timeZone) : t("common:none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="small muted">{t("admin:policies.enforcement")}</p>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={navigation.state !== "idle"}>
            {t("common:actions.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
