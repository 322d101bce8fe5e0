import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormErrors } from "../components/ui/field";
import { signInFormSchema } from "../domain/auth/schemas";
import { LanguageSelect } from "../root";
import { getUser, safeRedirect } from "../utils/auth.server";
import { replyWithError } from "../utils/http.server";
import { useRootData } from "../utils/root-data";

export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/dashboard");
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInFormSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  try {
    const result = await context.services.auth.signIn({
      input: submission.value,
      ip: context.ip,
      userAgent: request.headers.get("user-agent"),
    });
    if (!result.ok) {
      return json(submission.reply({ formErrors: ["auth:sign_in.failed"], hideFields: ["password"] }), { status: 400 });
    }
    const to = safeRedirect(submission.value.redirectTo);
    const headers = { "Set-Cookie": context.services.auth.sessionCookie(result.sessionId) };
    if (result.needsTotp) return redirect(`/login/totp?redirectTo=${encodeURIComponent(to)}`, { headers });
    return redirect(to, { headers });
  } catch (err) {
    return replyWithError(submission, err);
  }
}

export default function Login() {
  const { t } = useTranslation(["auth", "common"]);
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { lng } = useRootData();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state !== "idle";
  return (
    <div className="auth-wrap">
      <main className="auth-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Concordia
        </div>
        <h1>{t("auth:sign_in.title")}</h1>
        <p className="muted">{t("auth:sign_in.subtitle")}</p>
        <Form method="post" {...getFormProps(form)} className="form">
          {params.get("welcome") ? (
            <div className="alert alert-success" role="status">
              {t("auth:sign_in.welcome")}
            </div>
          ) : null}
          <FormErrors errors={form.errors} />
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <Field label={t("auth:sign_in.email")} htmlFor={fields.email.id} errors={fields.email.errors} errorId={fields.email.errorId}>
            <input className="input" {...getInputProps(fields.email, { type: "email" })} autoComplete="username" autoFocus />
          </Field>
          <Field label={t("auth:sign_in.password")} htmlFor={fields.password.id} errors={fields.password.errors} errorId={fields.password.errorId}>
            <input className="input" {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t("auth:sign_in.submitting") : t("auth:sign_in.submit")}
          </button>
          <p className="small muted">{t("auth:sign_in.help")}</p>
        </Form>
        <div className="auth-footer">
          <span>{t("auth:sign_in.legal")}</span>
          <LanguageSelect current={lng} />
        </div>
      </main>
    </div>
  );
}
