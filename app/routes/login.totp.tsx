import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormErrors } from "../components/ui/field";
import { totpFormSchema } from "../domain/auth/schemas";
import { safeRedirect } from "../utils/auth.server";
import { replyWithError } from "../utils/http.server";

async function pendingSession(request: Request, context: LoaderFunctionArgs["context"]) {
  const auth = await context.services.auth.authenticate(request.headers.get("cookie"));
  if (!auth) throw redirect("/login");
  if (auth.session.twoFactorVerified) throw redirect("/dashboard");
  return auth;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await pendingSession(request, context);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await pendingSession(request, context);
  const submission = parseWithZod(await request.formData(), { schema: totpFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const ok = await context.services.auth.verifySecondFactor({
      sessionId: auth.session.id,
      userId: auth.user.id,
      input: submission.value,
      ip: context.ip,
    });
    if (!ok) return json(submission.reply({ fieldErrors: { code: ["validation.totp_code"] } }), { status: 400 });
    return redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  } catch (err) {
    return replyWithError(submission, err);
  }
}

export default function LoginTotp() {
  const { t } = useTranslation("auth");
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({ lastResult });
  return (
    <div className="auth-wrap">
      <main className="auth-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Concordia
        </div>
        <h1>{t("totp.title")}</h1>
        <p className="muted">{t("totp.subtitle")}</p>
        <Form method="post" action={`/login/totp?${params.toString()}`} {...getFormProps(form)} className="form">
          <FormErrors errors={form.errors} />
          <Field label={t("totp.code")} htmlFor={fields.code.id} errors={fields.code.errors} errorId={fields.code.errorId} hint={t("totp.hint")}>
            <input className="input mono" {...getInputProps(fields.code, { type: "text" })} inputMode="numeric" autoComplete="one-time-code" autoFocus />
          </Field>
          <button type="submit" className="btn btn-primary">
            {t("totp.submit")}
          </button>
        </Form>
        <Form method="post" action="/logout" style={{ marginTop: "1rem" }}>
          <button type="submit" className="linklike small">
            {t("totp.cancel")}
          </button>
        </Form>
      </main>
    </div>
  );
}
