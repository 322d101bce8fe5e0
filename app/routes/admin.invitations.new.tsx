import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { countryNames } from "../components/admin/country-select";
import { OneTimeLink } from "../components/admin/one-time-link";
import { adminRefusal, inviteLink, timeZoneChoices } from "../components/admin/responses.server";
import { UserFields } from "../components/admin/user-fields";
import { FormErrors } from "../components/ui/field";
import { EmptyState, PageHeader } from "../components/ui/misc";
import { countryOptions } from "../domain/agencies/countries";
import { inviteUserSchema } from "../domain/invitations/schemas";
import { INTL_LOCALE } from "../i18n/config";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireRole(request, context, ["admin"]);
  const agencies = await context.services.agencies.options({ actor });
  return json({ agencies, countries: countryOptions(INTL_LOCALE[user.locale]), timeZones: timeZoneChoices(), defaults: { timeZone: user.timeZone, locale: user.locale } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const submission = parseWithZod(await request.formData(), { schema: inviteUserSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), invited: null }, { status: 400 });
  try {
    const r = await context.services.invitations.invite({ actor, input: submission.value });
    // shown once, in this response only: the token is not stored anywhere
    return json({
      result: submission.reply({ resetForm: true }),
      invited: { userId: r.userId, link: inviteLink(request, context, r.token), expiresAt: r.expiresAt.toISOString(), name: submission.value.name, email: submission.value.email },
    });
  } catch (err) {
    const r = adminRefusal(err);
    return json({ result: submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }), invited: null }, { status: r.status });
  }
}

export default function InviteUser() {
  const { agencies, countries, timeZones, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin", "common"]);
  const navigation = useNavigation();
  const invited = actionData?.invited ?? null;
  const [form, fields] = useForm({
    lastResult: invited ? undefined : actionData?.result,
    defaultValue: { officeRole: "officer", timeZone: defaults.timeZone, locale: defaults.locale },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteUserSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state !== "idle";

  if (invited) {
    return (
      <>
        <PageHeader breadcrumb={<Link to="/admin/invitations">{t("admin:invitations.title")}</Link>} title={t("admin:invitations.created_title")} />
        <AdminNav />
        <OneTimeLink title={t("admin:invitations.link_title")} link={invited.link} expiresAt={invited.expiresAt} name={invited.name} email={invited.email} />
        <div className="row">
          <Link to={`/admin/users/${invited.userId}`} className="btn">
            {t("admin:invitations.view_user")}
          </Link>
          <Link to="/admin/invitations/new" className="btn btn-primary" reloadDocument>
            {t("admin:invitations.invite_another")}
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader breadcrumb={<Link to="/admin/invitations">{t("admin:invitations.title")}</Link>} title={t("admin:invitations.new")} description={t("admin:invitations.new_description")} />
      <AdminNav />
      {agencies.length === 0 ? (
        <div className="card">
          <EmptyState title={t("admin:invitations.no_agencies")}>
            <p>
              <Link to="/admin/agencies/new" className="btn btn-primary">
                {t("admin:agencies.new")}
              </Link>
            </p>
          </EmptyState>
        </div>
      ) : (
        <div className="card">
          <Form method="post" {...getFormProps(form)} className="form form-wide">
            <FormErrors errors={form.errors} />
            <UserFields fields={fields} agencies={agencies} countryNames={countryNames(countries)} timeZones={timeZones} />
            <p className="small muted">{t("admin:invitations.no_mail_hint")}</p>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t("admin:invitations.submit")}
              </button>
              <Link to="/admin/invitations" className="btn">
                {t("common:actions.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      )}
    </>
  );
}
