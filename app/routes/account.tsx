import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountHeader } from "../components/account/account-header";
import { replyWithError } from "../utils/http.server";
import { Field, FormErrors } from "../components/ui/field";
import { Badge, CountryCode } from "../components/ui/misc";
import { changePasswordFormSchema, NEW_PASSWORD_MIN, preferencesFormSchema } from "../domain/account/schemas";
import { UI_LANGUAGES } from "../domain/vocabulary";
import { LANGUAGE_NAMES } from "../i18n/config";
import { requireUser } from "../utils/auth.server";
import { formatDate, timeZoneName } from "../utils/format";
import accountStyles from "../styles/account.css";
import { useRootData } from "../utils/root-data";

const ACCOUNT_KEYS = { namespace: "account" };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStyles }];

export const meta: MetaFunction = () => [{ title: "Concordia" }];

const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];

/** Every IANA zone the runtime knows, plus UTC and the user's own (it may be an older alias). */
function timeZoneChoices(current: string): string[] {
  const zones = new Set<string>(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  zones.add(current);
  return [...zones].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const account = await context.services.account.get({ actor });
  // computed on the server and sent along, so the browser's list cannot differ from the one rendered
  return json({ account, timeZones: timeZoneChoices(account.timeZone) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, session } = await requireUser(request, context);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "password") {
    const submission = parseWithZod(formData, { schema: changePasswordFormSchema });
    // passwords are never sent back into the page
    const replyable = {
      reply: (o: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}) => submission.reply({ ...o, hideFields: PASSWORD_FIELDS }),
    };
    if (submission.status !== "success") return json(replyable.reply(), { status: 400 });
    try {
      await context.services.account.changePassword({ actor, sessionId: session.id, input: submission.value });
    } catch (err) {
      return replyWithError(replyable, err, ACCOUNT_KEYS);
    }
    return redirect("/account?saved=password");
  }

  const submission = parseWithZod(formData, { schema: preferencesFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const { locale, timeZone, phone, languages } = submission.value;
    await context.services.users.updatePreferences({ actor, input: { locale, timeZone, phone: phone ?? "", languages } });
  } catch (err) {
    return replyWithError(submission, err, ACCOUNT_KEYS);
  }
  return redirect("/account?saved=preferences");
}

const forIntent = (result: SubmissionResult<string[]> | undefined, intent: string) => (result?.initialValue?.intent === intent ? result : undefined);

export default function AccountProfile() {
  const { account } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation(["account", "common"]);
  const { lng } = useRootData();
  const saved = params.get("saved");
  return (
    <>
      <AccountHeader />
      <div className="account-grid">
        <div className="stack">
          {saved === "preferences" || saved === "password" ? (
            <div className="alert alert-success" role="status">
              {t(saved === "password" ? "account:password.changed" : "account:preferences.saved")}
            </div>
          ) : null}
          <section className="card" aria-labelledby="profile-title">
            <h2 id="profile-title">{t("account:profile.title")}</h2>
            <dl className="dl">
              <dt>{t("account:profile.name")}</dt>
              <dd>{account.name}</dd>
              <dt>{t("account:profile.email")}</dt>
              <dd>{account.email}</dd>
              <dt>{t("account:profile.agency")}</dt>
              <dd>
                <span className="row">
                  <CountryCode code={account.agencyCountry} /> {account.agencyName}
                </span>
                <span className="small muted">{t(`common:agency_kinds.${account.agencyKind}`)}</span>
              </dd>
              <dt>{t("account:profile.role")}</dt>
              <dd>{t(`common:roles.${account.officeRole}`)}</dd>
              <dt>{t("account:profile.second_factor")}</dt>
              <dd>
                <span className="row">
                  {account.totpEnabledAt ? (
                    <Badge tone="green">{t("account:security.status_on", { date: formatDate(account.totpEnabledAt, lng, account.timeZone) })}</Badge>
                  ) : (
                    <Badge tone="amber">{t("account:security.status_off")}</Badge>
                  )}
                  <Link to="/account/security" className="small">
                    {t("account:profile.manage_second_factor")}
                  </Link>
                </span>
              </dd>
            </dl>
            <p className="small muted" style={{ marginTop: "1rem", marginBottom: 0 }}>
              {t("account:profile.note")}
            </p>
          </section>
          <PasswordCard lastResult={forIntent(lastResult, "password")} />
        </div>
        <PreferencesCard lastResult={forIntent(lastResult, "preferences")} />
      </div>
    </>
  );
}

function PreferencesCard({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { account, timeZones } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["account", "common"]);
  const { lng } = useRootData();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "preferences";
  const [form, fields] = useForm({
    id: "preferences",
    lastResult,
    defaultValue: { locale: account.locale, timeZone: account.timeZone, phone: account.phone ?? "", languages: account.languages.join(", ") },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: preferencesFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{t("account:preferences.title")}</h2>
      <p className="account-zone">
        <Badge tone="blue">{timeZoneName(lng, account.timeZone)}</Badge>
        <span>{t("account:preferences.times_shown_in", { zone: account.timeZone })}</span>
      </p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="preferences" />
        <Field label={t("account:preferences.locale")} htmlFor={fields.locale.id} errors={fields.locale.errors} errorId={fields.locale.errorId}>
          <select className="select" {...getSelectProps(fields.locale)}>
            {UI_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("account:preferences.time_zone")}
          htmlFor={fields.timeZone.id}
          errors={fields.timeZone.errors}
          errorId={fields.timeZone.errorId}
          hint={t("account:preferences.time_zone_hint")}
        >
          <select className="select" {...getSelectProps(fields.timeZone)}>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("account:preferences.phone")}
          htmlFor={fields.phone.id}
          errors={fields.phone.errors}
          errorId={fields.phone.errorId}
          hint={t("account:preferences.phone_hint")}
        >
          <input className="input" {...getInputProps(fields.phone, { type: "tel" })} autoComplete="tel" />
        </Field>
        <Field
          label={t("account:preferences.languages")}
          htmlFor={fields.languages.id}
          errors={fields.languages.errors}
          errorId={fields.languages.errorId}
          hint={t("account:preferences.languages_hint")}
        >
          <input className="input" {...getInputProps(fields.languages, { type: "text" })} autoComplete="off" spellCheck={false} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("account:preferences.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function PasswordCard({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation(["account", "common"]);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "password";
  const [form, fields] = useForm({
    id: "password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const password = (f: typeof fields.currentPassword) => getInputProps(f, { type: "password", value: false });
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t("account:password.title")}</h2>
      <p className="account-section-intro">{t("account:password.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="password" />
        <Field
          label={t("account:password.current")}
          htmlFor={fields.currentPassword.id}
          errors={fields.currentPassword.errors}
          errorId={fields.currentPassword.errorId}
        >
          <input className="input" {...password(fields.currentPassword)} autoComplete="current-password" />
        </Field>
        <Field
          label={t("account:password.new")}
          htmlFor={fields.newPassword.id}
          errors={fields.newPassword.errors}
          errorId={fields.newPassword.errorId}
          hint={t("account:password.new_hint", { min: NEW_PASSWORD_MIN })}
        >
          <input className="input" {...password(fields.newPassword)} autoComplete="new-password" minLength={NEW_PASSWORD_MIN} />
        </Field>
        <Field
          label={t("account:password.confirm")}
          htmlFor={fields.confirmPassword.id}
          errors={fields.confirmPassword.errors}
          errorId={fields.confirmPassword.errorId}
        >
          <input className="input" {...password(fields.confirmPassword)} autoComplete="new-password" />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("account:password.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
