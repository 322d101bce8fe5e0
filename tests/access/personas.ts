// What the access-control matrices share: the kinds of visitor, what one sees, and how a
// page answers them over HTTP.
import type { DbOrTx } from "../../db/client";
import type { RunningApp } from "../../app/server/app";
import type { MemberRole, OfficeRole } from "../../app/domain/vocabulary";
import { actorOf, createUser } from "../factories/index";
import { client, signInCookie, type TestApp } from "../setup/app";

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

/** The office role each signed-in visitor has. */
const OFFICE_ROLES: Record<Exclude<Persona, "anonymous">, OfficeRole> = {
  lead: "officer",
  member: "officer",
  observer: "analyst",
  nonMember: "officer",
  adminNonMember: "admin",
  officeLeadNonMember: "office_lead",
  ngo: "ngo_partner",
  disabled: "officer",
};

export type PersonaUsers = Record<Exclude<Persona, "anonymous">, Awaited<ReturnType<typeof createUser>>>;

/** An account for every visitor but the anonymous one, all of `agencyId`. */
export async function createPersonaUsers(db: DbOrTx, agencyId: string): Promise<PersonaUsers> {
  const users = {} as PersonaUsers;
  for (const [persona, role] of Object.entries(OFFICE_ROLES)) users[persona as keyof PersonaUsers] = await createUser(db, { role, agencyId });
  return users;
}

/** The operation's members among them: the lead, a member, an observer, and the account to be disabled. */
export function personaMembers(u: PersonaUsers): [string, MemberRole][] {
  return [
    [u.lead.id, "lead"],
    [u.member.id, "member"],
    [u.observer.id, "observer"],
    [u.disabled.id, "member"],
  ];
}

/**
 * Signs every visitor in (the anonymous one has no cookie), then has the admin disable
 * `disabled`, whose live session must from then on stop working.
 */
export async function signInPersonas(app: TestApp, u: PersonaUsers): Promise<Record<Persona, string | null>> {
  const cookies = { anonymous: null } as Record<Persona, string | null>;
  for (const p of PERSONAS) if (p !== "anonymous") cookies[p] = await signInCookie(app, u[p].email);
  await app.services.users.disable({ actor: await actorOf(app.testDb.db, u.adminNonMember.id), userId: u.disabled.id });
  return cookies;
}
