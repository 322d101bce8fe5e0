import type { ServiceDeps } from "../context";
import { loadCurrentUser, type CurrentUser } from "./current-user";
import { createSessionManager, type ValidSession } from "./sessions";

export interface Authenticated {
  session: ValidSession;
  user: CurrentUser;
}

/** Resolves a Cookie header to a live session and its user, or null. */
export async function authenticate(deps: ServiceDeps, cookieHeader: string | null): Promise<Authenticated | null> {
  const sessions = createSessionManager(deps.db, deps.config, deps.now);
  const sessionId = sessions.readCookie(cookieHeader);
  if (!sessionId) return null;
  const session = await sessions.validate(sessionId);
  if (!session) return null;
  const user = await loadCurrentUser(deps.db, session.userId);
  if (!user) {
    await sessions.invalidate(session.id);
    return null;
  }
  return { session, user };
}
