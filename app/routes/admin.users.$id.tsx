import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { InvitationStatusBadge, SecondFactorBadge, UserStatusBadge } from "../components/admin/badges";
import { countryNames } from "../components/admin/country-select";
import { OneTimeLink } from "../components/admin/one-time-link";
import { adminRefusal, inviteLink, orNotFound, timeZoneChoices } from "../components/admin/responses.server";
import { UserFields } from "../components/admin/user-fields";
import { FormErrors } from "../components/ui/field";
import { CountryCode, PageHeader } from "../components/ui/misc";
import { countryOptions } from "../domain/agencies/countries";
import { updateUserSchema } from "../domain/users/schemas";
import { INTL_LOCALE } from "../i18n/config";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

const INTENTS = ["update", "disable", "enable", "unlock", "reset_password", "reset_totp"] as const;
type Intent = (typeof INTENTS)[number];
const isIntent = (v: unknown): v is Intent => typeof v === "string" && (INTENTS as readonly string[]).includes(v);

type ActionData =
  | { intent: "update"; result: SubmissionResult<string[]> }
  | { intent: Exclude<Intent, "update">; formErrors: string[] }
  | { intent: "reset_password"; link: string; expiresAt: string; name: string; email: string };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, user: me } = await requireRole(request, context, ["admin"]);
  const user = await orNotFound(() => context.services.users.get({ actor, userId: params.id ?? "" }));
  const agencies = await context.services.agencies.options({ actor });
  return json({ user, agencies, countries: countryOptions(INTL_LOCALE[me.locale]), timeZones: timeZoneChoices(user.timeZone) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const userId = params.id ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response("Bad Request", { status: 400 });

  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: updateUserSchema });
    if (submission.status !== "success") return json<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    try {
      await context.services.users.update({ actor, userId, input: submission.value });
      return redirect(`/admin/users/${userId}?done=update`);
    } catch (err) {
      const r = adminRefusal(err);
      return json<ActionData>({ intent, result: submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }) }, { status: r.status });
    }
  }

  try {
    switch (intent) {
      case "disable":
        await context.services.users.disable({ actor, userId });
        break;
      case "enable":
        await context.services.users.enable({ actor, userId });
        break;
      case "unlock":
        await context.services.users.unlock({ actor, userId });
        break;
      case "reset_totp":
        await context.services.auth.disableTotp({ actor, userId });
        break;
      case "reset_password": {
        const r = await context.services.users.issuePasswordReset({ actor, userId });
        // shown once, in this response only: the token is not stored anywhere
        return json<ActionData>({ intent, link: inviteLink(request, context, r.token), expiresAt: r.expiresAt.toISOString(), name: r.name, email: r.email });
      }
    }
    return redirect(`/admin/users/${userId}?done=${intent}`);
  } catch (err) {
    const r = adminRefusal(err);
    return json<ActionData>({ intent, formErrors: r.formErrors }, { status: r.status });
  }
}

function ActionForm({ intent, label, hint, danger, confirm }: { intent: Intent; label: string; hint: string; danger?: boolean; confirm?: string }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  const button = (
    <button type="submit" name="intent" value={intent} className={danger ? "btn btn-danger" : "btn"} disabled={busy}>
      {label}
    </button>
  );
  return (
    <Form method="post">
      {confirm ? (
        // a second, deliberate click: works without JavaScript
        <details>
          <summary className={danger ? "btn btn-danger" : "btn"}>{label}…</summary>
          <p className="hint" style={{ margin: "0.5rem 0" }}>
            {confirm}
          </p>
          {button}
        </details>
      ) : (
        button
      )}
      <p className="hint">{hint}</p>
    </Form>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export default function UserDetail() {
  const { user, agencies, countries, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["admin", "common"]);
  const { lng, timeZone } = useRootData();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `user-${user.id}-${user.updatedAt}`,
    lastResult: actionData?.intent === "update" ? actionData.result : undefined,
    defaultValue: {
      name: user.name,
      email: user.email,
      agencyId: user.agencyId,
      officeRole: user.officeRole,
      phone: user.phone ?? "",
      languages: user.languages.join(", "),
      timeZone: user.timeZone,
      locale: user.locale,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateUserSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "update";
  const done = params.get("done");
  const actionErrors = actionData && "formErrors" in actionData ? actionData.formErrors : null;
  const resetLink = actionData && "link" in actionData ? actionData : null;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lng, timeZone) : t("common:none"));

  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/admin/users">{t("admin:users.title")}</Link>}
        title={user.name}
        description={
          <span className="row">
            <span>{user.email}</span>
            <UserStatusBadge status={user.status} />
            {user.isSelf ? <span className="badge badge-grey">{t("admin:users.you")}</span> : null}
          </span>
        }
      />
      <AdminNav />
      {done && !actionData && (INTENTS as readonly string[]).includes(done) ? (
        <div className="alert alert-success" role="status" style={{ marginBottom: "1rem" }}>
          {t(`admin:users.done.${done}`)}
        </div>
      ) : null}
      {resetLink ? <OneTimeLink title={t("admin:users.reset_link_title")} link={resetLink.link} expiresAt={resetLink.expiresAt} name={resetLink.name} email={resetLink.email} /> : null}
      <div className="admin-layout">
        <section className="card" aria-labelledby="user-edit">
          <h2 id="user-edit">{t("admin:users.profile")}</h2>
          <Form method="post" {...getFormProps(form)} className="form form-wide">
            <FormErrors errors={form.errors} />
            <input type="hidden" name="version" value={user.updatedAt} />
            <UserFields
              fields={fields}
              agencies={agencies}
              countryNames={countryNames(countries)}
              timeZones={timeZones}
              roleLocked={user.isLastActiveAdmin ? t("admin:users.last_admin_hint") : null}
            />
            <div className="form-actions">
              <button type="submit" name="intent" value="update" className="btn btn-primary" disabled={busy}>
                {t("common:actions.save")}
              </button>
              <Link to="/admin/users" className="btn">
                {t("common:actions.cancel")}
              </Link>
            </div>
          </Form>
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="user-account">
            <h2 id="user-account">{t("admin:users.account")}</h2>
            <dl className="dl admin-facts">
              <Fact label={t("admin:fields.agency")}>
                <CountryCode code={user.agencyCountry} /> <Link to={`/admin/agencies/${user.agencyId}`}>{user.agencyName}</Link>
              </Fact>
              <Fact label={t("admin:users.status")}>
                <UserStatusBadge status={user.status} />
              </Fact>
              {user.lockedUntil ? <Fact label={t("admin:users.locked_until")}>{when(user.lockedUntil)}</Fact> : null}
              {user.disabledAt ? <Fact label={t("admin:users.disabled_at")}>{when(user.disabledAt)}</Fact> : null}
              <Fact label={t("admin:users.second_factor")}>
                <SecondFactorBadge enabled={user.totpEnabled} />
              </Fact>
              <Fact label={t("admin:users.failed_logins")}>{user.failedLogins}</Fact>
              <Fact label={t("admin:users.last_sign_in")}>{user.lastSignInAt ? when(user.lastSignInAt) : t("admin:users.never")}</Fact>
              <Fact label={t("admin:table.created")}>{when(user.createdAt)}</Fact>
              {user.invitation ? (
                <Fact label={t("admin:users.latest_link")}>
                  <span className="row">
                    <InvitationStatusBadge status={user.invitation.status} />
                    <span className="small muted">{t("admin:users.link_expires", { date: when(user.invitation.expiresAt) })}</span>
                  </span>
                </Fact>
              ) : null}
            </dl>
          </section>
          <section className="card" aria-labelledby="user-actions">
            <h2 id="user-actions">{t("admin:users.actions")}</h2>
            {actionErrors ? <FormErrors errors={actionErrors} /> : null}
            <div className="admin-actions">
              {user.status === "locked" ? <ActionForm intent="unlock" label={t("admin:users.unlock")} hint={t("admin:users.unlock_hint")} /> : null}
              {user.status !== "disabled" && !user.isSelf ? (
                <ActionForm intent="reset_password" label={t("admin:users.reset_password")} hint={t("admin:users.reset_password_hint")} confirm={t("admin:users.reset_password_confirm")} />
              ) : null}
              {user.totpEnabled ? (
                <ActionForm intent="reset_totp" label={t("admin:users.reset_totp")} hint={t("admin:users.reset_totp_hint")} confirm={t("admin:users.reset_totp_confirm")} />
              ) : null}
            </div>
            <div className="admin-actions">
              {user.status === "disabled" ? (
                <ActionForm intent="enable" label={t("admin:users.enable")} hint={t("admin:users.enable_hint")} />
              ) : user.isSelf ? (
                <p className="hint">{t("admin:users.cannot_disable_self_hint")}</p>
              ) : user.isLastActiveAdmin ? (
                <p className="hint">{t("admin:users.last_admin_hint")}</p>
              ) : (
                <ActionForm intent="disable" label={t("admin:users.disable")} hint={t("admin:users.disable_hint")} danger confirm={t("admin:users.disable_confirm")} />
              )}
            </div>
          </section>
        </div>
      </div>
    </>
  );
}
