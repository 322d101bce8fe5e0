import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountHeader } from "../components/account/account-header";
import { replyWithError } from "../utils/http.server";
import { RecoveryCodes } from "../components/account/recovery-codes";
import { Field, FormErrors } from "../components/ui/field";
import { Badge } from "../components/ui/misc";
import { confirmTotpFormSchema, disableTotpFormSchema, startTotpFormSchema } from "../domain/account/schemas";
import { requireUser } from "../utils/auth.server";
import { formatDate } from "../utils/format";
import accountStyles from "../styles/account.css";
import { useRootData } from "../utils/root-data";

const ACCOUNT_KEYS = { namespace: "account" };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]> };
interface Submission {
  reply(o?: ReplyOptions & { hideFields?: string[] }): SubmissionResult<string[]>;
}

/** Passwords are never echoed back; the enrolment check's wording (which mentions recovery codes) is replaced by this form's. */
function replyWith(submission: Submission, err: unknown, hideFields: string[] = []) {
  const replyable = { reply: (o: ReplyOptions = {}) => submission.reply({ ...o, hideFields }) };
  const fields = err instanceof Error ? (err as { fields?: Record<string, string[]> }).fields : undefined;
  if (fields?.code) return json(replyable.reply({ fieldErrors: { code: ["account:errors.totp_code"] } }), { status: 400 });
  return replyWithError(replyable, err, ACCOUNT_KEYS);
}

const chunk4 = (s: string) => s.match(/.{1,4}/g)?.join(" ") ?? s;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireUser(request, context, { allowTotpEnrolment: true });
  const sf = await context.services.account.getSecondFactor({ actor });
  const url = new URL(request.url);
  return json({
    enabled: sf.enabled,
    enabledAt: sf.enabledAt,
    recoveryCodesLeft: sf.recoveryCodesLeft,
    pending: sf.pending
      ? {
          uri: sf.pending.uri,
          // an <img> with a data: URI: the strict CSP allows it, and no markup is injected into the page
          qrSrc: `data:image/svg+xml;base64,${Buffer.from(sf.pending.qrSvg, "utf8").toString("base64")}`,
          secret: chunk4(sf.pending.secret),
        }
      : null,
    required: url.searchParams.get("required") === "1" || user.mustEnrolTotp,
    roleRequiresTotp: sf.roleRequires,
    justDisabled: url.searchParams.get("disabled") === "1",
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context, { allowTotpEnrolment: true });
  const formData = await request.formData();
  const intent = formData.get("intent");
  const required = new URL(request.url).searchParams.get("required") === "1";

  if (intent === "confirm") {
    const submission = parseWithZod(formData, { schema: confirmTotpFormSchema });
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    try {
      const { recoveryCodes } = await context.services.auth.confirmTotpEnrolment({ actor, input: { code: submission.value.code } });
      // shown once, in this response only: they are stored hashed
      return json({ recoveryCodes });
    } catch (err) {
      return replyWith(submission, err);
    }
  }

  if (intent === "disable") {
    const submission = parseWithZod(formData, { schema: disableTotpFormSchema });
    if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
    try {
      await context.services.account.disableSecondFactor({ actor, input: { password: submission.value.password } });
    } catch (err) {
      return replyWith(submission, err, ["password"]);
    }
    return redirect("/account/security?disabled=1");
  }

  const submission = parseWithZod(formData, { schema: startTotpFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await context.services.auth.startTotpEnrolment({ actor });
  } catch (err) {
    return replyWith(submission, err);
  }
  // the pending key is kept server-side: the page shows it again on every load until confirmed
  return redirect(`/account/security${required ? "?required=1" : ""}#totp-setup`);
}

type ActionData = SubmissionResult<string[]> | { recoveryCodes: string[] };
const forIntent = (data: ActionData | undefined, intent: string) => (data && "initialValue" in data && data.initialValue?.intent === intent ? data : undefined);

export default function AccountSecurity() {
  return (
    <>
      <AccountHeader />
      <SecondFactor />
    </>
  );
}

function SecondFactor() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["account", "common"]);
  const { lng, timeZone } = useRootData();
  const recoveryCodes = actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : null;

  if (recoveryCodes) {
    return (
      <section className="card" aria-labelledby="recovery-title">
        <div className="alert alert-success" role="status" style={{ marginBottom: "1rem" }}>
          {t("account:security.enabled_now")}
        </div>
        <h2 id="recovery-title">{t("account:security.recovery_title")}</h2>
        <p>{t("account:security.recovery_advice")}</p>
        <RecoveryCodes codes={recoveryCodes} />
        <div className="form-actions">
          <Link to="/dashboard" className="btn btn-primary">
            {t("account:security.continue")}
          </Link>
          <Link to="/account/security" className="btn">
            {t("account:security.stored_them")}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <div className="stack">
      {data.required && !data.enabled ? (
        <div className="alert alert-warning" role="alert">
          <strong>{t("account:security.required_banner")}</strong>
        </div>
      ) : null}
      {data.justDisabled ? (
        <div className="alert alert-info" role="status">
          {t("account:security.disabled")}
        </div>
      ) : null}
      <section className="card" aria-labelledby="sf-title">
        <h2 id="sf-title">{t("account:security.title")}</h2>
        <div className="status-line">
          <span className="muted">{t("account:security.status_label")}</span>
          {data.enabled ? (
            <Badge tone="green">{t("account:security.status_on", { date: formatDate(data.enabledAt, lng, timeZone) })}</Badge>
          ) : data.pending ? (
            <Badge tone="amber">{t("account:security.status_pending")}</Badge>
          ) : (
            <Badge tone="amber">{t("account:security.status_off")}</Badge>
          )}
        </div>
        {data.enabled ? (
          <>
            <p className="account-section-intro">{t("account:security.intro_on")}</p>
            <p className="small">{t("account:security.recovery_left", { n: data.recoveryCodesLeft })}</p>
          </>
        ) : (
          <>
            <p className="account-section-intro">{t("account:security.intro_off")}</p>
            <StartForm again={data.pending !== null} lastResult={forIntent(actionData, "start")} />
          </>
        )}
      </section>
      {!data.enabled && data.pending ? <SetupCard pending={data.pending} lastResult={forIntent(actionData, "confirm")} /> : null}
      {data.enabled ? <DisableCard lastResult={forIntent(actionData, "disable")} roleRequires={data.roleRequiresTotp} /> : null}
    </div>
  );
}

function StartForm({ again, lastResult }: { again: boolean; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("account");
  const [form] = useForm({ id: "totp-start", lastResult });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="start" />
      <button type="submit" className={again ? "btn" : "btn btn-primary"}>
        {again ? t("account:security.restart") : t("account:security.start")}
      </button>
    </Form>
  );
}

function SetupCard({ pending, lastResult }: { pending: { uri: string; qrSrc: string; secret: string }; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("account");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "confirm";
  const [form, fields] = useForm({
    id: "totp-confirm",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmTotpFormSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="card" id="totp-setup" aria-labelledby="setup-title">
      <h2 id="setup-title">{t("account:security.setup_title")}</h2>
      <div className="totp-steps">
        <div className="totp-qr qr">
          <img src={pending.qrSrc} alt={t("account:security.qr_alt")} width={200} height={200} />
        </div>
        <div className="stack">
          <p style={{ margin: 0 }}>{t("account:security.step1")}</p>
          <div>
            <p className="small muted" style={{ marginBottom: "0.35rem" }}>
              {t("account:security.manual")}
            </p>
            <code id="totp-secret" className="totp-secret" aria-label={t("account:security.secret_label")}>
              {pending.secret}
            </code>
          </div>
          <p className="small" style={{ margin: 0 }}>
            <a href={pending.uri}>{t("account:security.open_app")}</a>
          </p>
          <Form method="post" {...getFormProps(form)} className="form">
            <FormErrors errors={form.errors} />
            <input type="hidden" name="intent" value="confirm" />
            <Field label={t("account:security.step2")} htmlFor={fields.code.id} errors={fields.code.errors} errorId={fields.code.errorId}>
              <input
                className="input totp-code-input"
                {...getInputProps(fields.code, { type: "text", value: false })}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={7}
              />
            </Field>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t("account:security.confirm")}
              </button>
            </div>
          </Form>
        </div>
      </div>
    </section>
  );
}

function DisableCard({ lastResult, roleRequires }: { lastResult: SubmissionResult<string[]> | undefined; roleRequires: boolean }) {
  const { t } = useTranslation("account");
  const [form, fields] = useForm({
    id: "totp-disable",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: disableTotpFormSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="card danger-zone" aria-labelledby="disable-title">
      <h2 id="disable-title">{t("account:security.disable_title")}</h2>
      <p className="account-section-intro">{t("account:security.disable_body")}</p>
      {roleRequires ? <p className="small">{t("account:security.disable_required_note")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="disable" />
        <Field label={t("account:security.password")} htmlFor={fields.password.id} errors={fields.password.errors} errorId={fields.password.errorId}>
          <input className="input" {...getInputProps(fields.password, { type: "password", value: false })} autoComplete="current-password" />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-danger">
            {t("account:security.disable")}
          </button>
        </div>
      </Form>
    </section>
  );
}
