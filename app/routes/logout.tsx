import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { actorFor } from "../domain/auth/current-user";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await context.services.auth.authenticate(request.headers.get("cookie"));
  if (auth) await context.services.auth.signOut({ actor: actorFor(auth.user, context.ip), sessionId: auth.session.id });
  return redirect("/login", { headers: { "Set-Cookie": context.services.auth.blankCookie() } });
}
