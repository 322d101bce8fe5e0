import { redirect, type AppLoadContext } from "@remix-run/node";
import type { CurrentUser } from "../domain/auth/current-user";
import { actorFor } from "../domain/auth/current-user";
import type { ValidSession } from "../domain/auth/sessions";
import type { Actor } from "../domain/context";
import type { OfficeRole } from "../domain/vocabulary";

export interface RequestUser {
  user: CurrentUser;
  session: ValidSession;
  actor: Actor;
}

/** The signed-in user of a request, or null. Half-signed-in (second factor pending) counts as null. */
export async function getUser(request: Request, context: AppLoadContext): Promise<RequestUser | null> {
  const auth = await context.services.auth.authenticate(request.headers.get("cookie"));
  if (!auth || !auth.session.twoFactorVerified) return null;
  return { ...auth, actor: actorFor(auth.user, context.ip) };
}

function safeRedirectTo(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/**
 * Every loader and action of a signed-in page starts here. Sends the visitor to
 * sign in, to the second factor, or to enrol one when their role requires it.
 */
export async function requireUser(request: Request, context: AppLoadContext, opts: { allowTotpEnrolment?: boolean } = {}): Promise<RequestUser> {
  const auth = await context.services.auth.authenticate(request.headers.get("cookie"));
  if (!auth) {
    const to = safeRedirectTo(request);
    throw redirect(`/login${to && to !== "/" ? `?redirectTo=${encodeURIComponent(to)}` : ""}`);
  }
  if (!auth.session.twoFactorVerified) throw redirect("/login/totp");
  if (auth.user.mustEnrolTotp && !opts.allowTotpEnrolment) throw redirect("/account/security?required=1");
  return { ...auth, actor: actorFor(auth.user, context.ip) };
}

/** Like requireUser, and the office role must be one of these (else 403). */
export async function requireRole(request: Request, context: AppLoadContext, roles: readonly OfficeRole[]): Promise<RequestUser> {
  const ru = await requireUser(request, context);
  if (!roles.includes(ru.user.officeRole)) throw new Response("Forbidden", { status: 403 });
  return ru;
}

/** Only same-site paths: an attacker's redirectTo must not send a user elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
