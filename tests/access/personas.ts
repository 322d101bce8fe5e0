// What the access-control matrices share: the kinds of visitor, what one sees, and how a
// page answers them over HTTP.
import type { RunningApp } from "../../app/server/app";
import { client } from "../setup/app";

export const PERSONAS = ["lead", "member", "observer", "nonMember", "adminNonMember", "officeLeadNonMember", "ngo", "disabled", "anonymous"] as const;
export type Persona = (typeof PERSONAS)[number];
/** An HTTP status, or "login" for a redirect to the sign-in page. */
export type Outcome = number | "login";

/** An operation's content: its members read it; everyone else is told it does not exist. */
export const MEMBERS_ONLY: Record<Persona, Outcome> = {
  lead: 200,
  member: 200,
  observer: 200,
  nonMember: 404,
  adminNonMember: 404,
  officeLeadNonMember: 404,
  ngo: 404,
  disabled: "login",
  anonymous: "login",
};

/** How `path` answers the visitor with this session cookie (none: anonymous), and the body. */
export async function httpOutcome(
  app: RunningApp,
  cookie: string | null,
  path: string,
  init: Parameters<ReturnType<typeof client>>[1] = {},
): Promise<{ outcome: Outcome; body: string }> {
  const res = await client(app, cookie)(path, init);
  const body = await res.text();
  if (res.status === 302 && (res.headers.get("location") ?? "").startsWith("/login")) return { outcome: "login", body };
  return { outcome: res.status, body };
}
