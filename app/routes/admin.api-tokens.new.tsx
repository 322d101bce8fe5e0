import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { AgencySelect } from "../components/admin/agency-select";
import { ApiTokenSecret } from "../components/admin/api-token-secret";
import { countryNames } from "../components/admin/country-select";
import { adminRefusal } from "../components/admin/responses.server";
import { Field, FieldError, FormErrors } from "../components/ui/field";
import { EmptyState, PageHeader } from "../components/ui/misc";
import { countryOptions } from "../domain/agencies/countries";
import { createApiTokenSchema } from "../domain/integration/schemas";
import { API_TOKEN_SCOPES } from "../domain/integration/vocabulary";
import { INTL_LOCALE } from "../i18n/config";
import adminStyles from "../styles/admin.css";
import tokenStyles from "../styles/api-tokens.css";
import { requireRole } from "../utils/auth.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: adminStyles },
  { rel: "stylesheet", href: tokenStyles },
];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireRole(request, context, ["admin"]);
  const options = await context.services.integration.tokenFormOptions({ actor });
  return json({ ...options, countries: countryOptions(INTL_LOCALE[user.locale]) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const submission = parseWithZod(await request.formData(), { schema: createApiTokenSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), created: null }, { status: 400 });
  try {
    const r = await context.services.integration.createToken({ actor, input: submission.value });
    // shown once, in this response only: only the digest is stored
    return json(
      { result: submission.reply({ resetForm: true }), created: { secret: r.secret, prefix: r.prefix, name: r.name, agency: r.agencyName } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (err) {
    const r = adminRefusal(err);
    return json({ result: submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }), created: null }, { status: r.status });
  }
}

export default function NewApiToken() {
  const { agencies, users, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["integration", "admin", "common"]);
  const navigation = useNavigation();
  const created = actionData?.created ?? null;
  const [form, fields] = useForm({
    lastResult: created ? undefined : actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createApiTokenSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [agencyId, setAgencyId] = useState<string>(String(fields.agencyId.initialValue ?? ""));
  // without JavaScript every agency's accounts are offered, grouped; with it, only the chosen agency's
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const busy = navigation.state !== "idle";
  const names = countryNames(countries);
  const scopeValues = ([] as unknown[]).concat(fields.scopes.initialValue ?? []).map(String);

  if (created) {
    return (
      <>
        <PageHeader breadcrumb={<Link to="/admin/api-tokens">{t("integration:title")}</Link>} title={t("integration:new")} />
        <AdminNav />
        <ApiTokenSecret secret={created.secret} prefix={created.prefix} name={created.name} agency={created.agency} />
        <div className="row">
          <Link to="/admin/api-tokens" className="btn">
            {t("integration:secret.back")}
          </Link>
          <Link to="/admin/api-tokens/new" className="btn btn-primary" reloadDocument>
            {t("integration:secret.another")}
          </Link>
        </div>
      </>
    );
  }

  const agencyUsers = hydrated ? users.filter((u) => u.agencyId === agencyId) : users;
  const byAgency = new Map(agencies.map((a) => [a.id, a.name]));
  const groups = new Map<string, typeof users>();
  for (const u of agencyUsers) groups.set(u.agencyId, [...(groups.get(u.agencyId) ?? []), u]);

  return (
    <>
      <PageHeader breadcrumb={<Link to="/admin/api-tokens">{t("integration:title")}</Link>} title={t("integration:new")} description={t("integration:new_description")} />
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
            <Field label={t("integration:fields.name")} htmlFor={fields.name.id} hint={t("integration:fields.name_hint")} errors={fields.name.errors} errorId={fields.name.errorId}>
              <input className="input" {...getInputProps(fields.name, { type: "text" })} autoComplete="off" maxLength={100} />
            </Field>
            <div className="grid grid-2">
              <Field label={t("integration:fields.agency")} htmlFor={fields.agencyId.id} errors={fields.agencyId.errors} errorId={fields.agencyId.errorId}>
                <AgencySelect
                  agencies={agencies}
                  countryNames={names}
                  placeholder={t("integration:fields.agency_placeholder")}
                  id={fields.agencyId.id}
                  name={fields.agencyId.name}
                  defaultValue={agencyId}
                  aria-invalid={fields.agencyId.errors ? true : undefined}
                  aria-describedby={fields.agencyId.errors ? fields.agencyId.errorId : undefined}
                  onChange={(e) => setAgencyId(e.currentTarget.value)}
                />
              </Field>
              <Field
                label={t("integration:fields.acting_user")}
                htmlFor={fields.actingUserId.id}
                hint={t("integration:fields.acting_user_hint")}
                errors={fields.actingUserId.errors}
                errorId={fields.actingUserId.errorId}
              >
                <select
                  className="select"
                  id={fields.actingUserId.id}
                  name={fields.actingUserId.name}
                  key={hydrated ? agencyId : "all"}
                  defaultValue={String(fields.actingUserId.initialValue ?? "")}
                  disabled={hydrated && !agencyId}
                  aria-invalid={fields.actingUserId.errors ? true : undefined}
                  aria-describedby={fields.actingUserId.errors ? fields.actingUserId.errorId : undefined}
                >
                  <option value="">{hydrated && !agencyId ? t("integration:fields.acting_user_choose_agency") : t("integration:fields.acting_user_placeholder")}</option>
                  {[...groups].map(([group, list]) => (
                    <optgroup key={group} label={byAgency.get(group) ?? ""}>
                      {list.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name} · {u.email} · {t(`common:roles.${u.officeRole}`)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </Field>
            </div>
            <fieldset className="field" aria-describedby={fields.scopes.errors ? fields.scopes.errorId : undefined}>
              <legend className="label">{t("integration:fields.scopes")}</legend>
              <div className="api-token-scopes">
                {API_TOKEN_SCOPES.map((s) => (
                  <label key={s} className="api-token-scope">
                    <input type="checkbox" name={fields.scopes.name} value={s} defaultChecked={scopeValues.includes(s)} />
                    <span>
                      <strong>{t(`integration:scopes.${s}`)}</strong>
                      <span className="hint">{t(`integration:scopes.${s}_hint`)}</span>
                    </span>
                  </label>
                ))}
              </div>
              <FieldError id={fields.scopes.errorId} errors={fields.scopes.errors} />
            </fieldset>
            <Field label={t("integration:fields.expires")} htmlFor={fields.expiresOn.id} hint={t("integration:fields.expires_hint")} errors={fields.expiresOn.errors} errorId={fields.expiresOn.errorId}>
              <input className="input api-token-date" {...getInputProps(fields.expiresOn, { type: "date" })} />
            </Field>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t("integration:submit")}
              </button>
              <Link to="/admin/api-tokens" className="btn">
                {t("common:actions.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      )}
    </>
  );
}
