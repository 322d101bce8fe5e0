import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LANGUAGE_COOKIE, isLanguage } from "../i18n/config";
import { getUser, safeRedirect } from "../utils/auth.server";

export async function loader() {
  return redirect("/");
}

/** Switches the interface language: saved on the account when signed in, else in a cookie. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const language = form.get("language");
  const to = safeRedirect(form.get("redirectTo"), "/");
  if (!isLanguage(language)) return redirect(to);
  const ru = await getUser(request, context);
  if (ru) await context.services.users.updatePreferences({ actor: ru.actor, input: { locale: language } });
  return redirect(to, {
    headers: { "Set-Cookie": `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}
