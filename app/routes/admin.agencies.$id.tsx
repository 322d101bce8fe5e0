import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { AgencyFields } from "../components/admin/agency-fields";
import { adminRefusal, orNotFound } from "../components/admin/responses.server";
import { FormErrors } from "../components/ui/field";
import { CountryCode, PageHeader } from "../components/ui/misc";
import { countryOptions } from "../domain/agencies/countries";
import { updateAgencySchema } from "../domain/agencies/schemas";
import { INTL_LOCALE } from "../i18n/config";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, user } = await requireRole(request, context, ["admin"]);
  const agency = await orNotFound(() => context.services.agencies.get({ actor, agencyId: params.id ?? "" }));
  return json({ agency, countries: countryOptions(INTL_LOCALE[user.locale]) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const submission = parseWithZod(await request.formData(), { schema: updateAgencySchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await context.services.agencies.update({ actor, agencyId: params.id ?? "", input: submission.value });
    return redirect(`/admin/agencies/${params.id}?saved=1`);
  } catch (err) {
    const r = adminRefusal(err);
    return json(submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }), { status: r.status });
  }
}

export default function EditAgency() {
  const { agency, countries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation(["admin", "common"]);
  const { lng, timeZone } = useRootData();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `agency-${agency.id}-${agency.updatedAt}`,
    lastResult,
    defaultValue: { name: agency.name, country: agency.country, kind: agency.kind },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateAgencySchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state !== "idle";
  const notice = params.get("created") ? t("admin:agencies.created") : params.get("saved") ? t("admin:agencies.saved") : null;
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/admin/agencies">{t("admin:agencies.title")}</Link>}
        title={agency.name}
        description={
          <>
            <CountryCode code={agency.country} /> {t(`common:agency_kinds.${agency.kind}`)}
          </>
        }
        actions={
          <Link to={`/admin/users?agency=${agency.id}`} className="btn">
            {t("admin:agencies.view_users", { count: agency.userCount })}
          </Link>
        }
      />
      <AdminNav />
      {notice && !lastResult ? (
        <div className="alert alert-success" role="status" style={{ marginBottom: "1rem" }}>
          {notice}
        </div>
      ) : null}
      <div className="admin-layout">
        <section className="card" aria-labelledby="agency-edit">
          <h2 id="agency-edit">{t("admin:agencies.edit")}</h2>
          <Form method="post" {...getFormProps(form)} className="form">
            <FormErrors errors={form.errors} />
            <input type="hidden" name="version" value={agency.updatedAt} />
            <AgencyFields fields={fields} countries={countries} />
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t("common:actions.save")}
              </button>
              <Link to="/admin/agencies" className="btn">
                {t("common:actions.cancel")}
              </Link>
            </div>
          </Form>
        </section>
        <aside className="card" aria-labelledby="agency-facts">
          <h2 id="agency-facts">{t("admin:agencies.facts")}</h2>
          <dl className="dl admin-facts">
            <dt>{t("admin:agencies.users")}</dt>
            <dd>{agency.userCount}</dd>
            <dt>{t("admin:table.created")}</dt>
            <dd>{formatDateTime(agency.createdAt, lng, timeZone)}</dd>
            <dt>{t("admin:table.updated")}</dt>
            <dd>{formatDateTime(agency.updatedAt, lng, timeZone)}</dd>
          </dl>
        </aside>
      </div>
    </>
  );
}
