import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormErrors } from "../components/ui/field";
import { acceptRefusal } from "../components/admin/responses.server";
import { setPasswordFormSchema } from "../domain/invitations/schemas";
import { LanguageSelect } from "../root";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const meta: MetaFunction = () => [{ title: "Concordia" }, { name: "robots", content: "noindex" }];

// the token is in the path: never cache the page (the server already sends Referrer-Policy: no-referrer)
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await context.services.invitations.lookup({ token: params.token ?? "" });
  // unknown, used, revoked and expired look the same: nothing is revealed
  if (!invitation) return json({ invitation: null }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return json({ invitation }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: setPasswordFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply({ hideFields: ["password", "confirm"] }), invalid: false }, { status: 400 });
  try {
    await context.services.invitations.accept({ token: params.token ?? "", input: submission.value, ip: context.ip });
    return redirect("/login?welcome=1");
  } catch (err) {
    const r = acceptRefusal(err);
    if (r.invalidLink) return json({ result: submission.reply(), invalid: true }, { status: 404 });
    return json({ result: submission.reply({ fieldErrors: r.fieldErrors, hideFields: ["password", "confirm"] }), invalid: false }, { status: 400 });
  }
}

function Brand() {
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        C
      </span>
      Concordia
    </div>
  );
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin", "auth", "common"]);
  const { lng } = useRootData();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setPasswordFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state !== "idle";
  const invalid = !invitation || actionData?.invalid;

  return (
    <div className="auth-wrap">
      <main className="auth-card">
        <Brand />
        {invalid ? (
          <>
            <h1>{t("admin:accept.invalid_title")}</h1>
            <p className="muted">{t("admin:accept.invalid_body")}</p>
            <Link to="/login" className="btn">
              {t("admin:accept.to_sign_in")}
            </Link>
          </>
        ) : (
          <>
            <h1>{t("admin:accept.title")}</h1>
            <p className="muted">{t("admin:accept.intro")}</p>
            <dl className="dl" style={{ marginBottom: "1rem" }}>
              <dt>{t("admin:fields.name")}</dt>
              <dd>{invitation.name}</dd>
              <dt>{t("admin:fields.email")}</dt>
              <dd>{invitation.email}</dd>
            </dl>
            <Form method="post" {...getFormProps(form)} className="form">
              <FormErrors errors={form.errors} />
              {/* lets password managers store the new password under the right account */}
              <input type="email" name="username" value={invitation.email} autoComplete="username" readOnly hidden />
              <Field
                label={t("admin:accept.password")}
                htmlFor={fields.password.id}
                hint={t("admin:accept.password_hint")}
                errors={fields.password.errors}
                errorId={fields.password.errorId}
              >
                <input className="input" {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" autoFocus />
              </Field>
              <Field label={t("admin:accept.confirm")} htmlFor={fields.confirm.id} errors={fields.confirm.errors} errorId={fields.confirm.errorId}>
                <input className="input" {...getInputProps(fields.confirm, { type: "password" })} autoComplete="new-password" />
              </Field>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t("admin:accept.submit")}
              </button>
              <p className="small muted">{t("admin:accept.expires", { date: formatDateTime(invitation.expiresAt, lng, invitation.timeZone) })}</p>
            </Form>
          </>
        )}
        <div className="auth-footer">
          <span>{t("auth:sign_in.legal")}</span>
          <LanguageSelect current={lng} />
        </div>
      </main>
    </div>
  );
}
