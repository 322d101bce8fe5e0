import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { AgencyFields } from "../components/admin/agency-fields";
import { adminRefusal } from "../components/admin/responses.server";
import { FormErrors } from "../components/ui/field";
import { PageHeader } from "../components/ui/misc";
import { countryOptions } from "../domain/agencies/countries";
import { agencyFormSchema } from "../domain/agencies/schemas";
import { INTL_LOCALE } from "../i18n/config";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, context, ["admin"]);
  return json({ countries: countryOptions(INTL_LOCALE[user.locale]) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const submission = parseWithZod(await request.formData(), { schema: agencyFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const agency = await context.services.agencies.create({ actor, input: submission.value });
    return redirect(`/admin/agencies/${agency.id}?created=1`);
  } catch (err) {
    const r = adminRefusal(err);
    return json(submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }), { status: r.status });
  }
}

export default function NewAgency() {
  const { countries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation(["admin", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agencyFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state !== "idle";
  return (
    <>
      <PageHeader breadcrumb={<Link to="/admin/agencies">{t("admin:agencies.title")}</Link>} title={t("admin:agencies.new")} description={t("admin:agencies.new_description")} />
      <AdminNav />
      <div className="card">
        <Form method="post" {...getFormProps(form)} className="form">
          <FormErrors errors={form.errors} />
          <AgencyFields fields={fields} countries={countries} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t("common:actions.create")}
            </button>
            <Link to="/admin/agencies" className="btn">
              {t("common:actions.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </>
  );
}
