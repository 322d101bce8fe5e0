// The only module that imports lucia: if lucia is replaced, only this file changes.
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import type { DbOrTx } from "../../../db/client";
import { sessions, users } from "../../../db/schema/index";
import type { AppConfig } from "../context";

export const SESSION_COOKIE = "concordia_session";

function makeLucia(db: DbOrTx, config: AppConfig) {
  return new Lucia(new DrizzlePostgreSQLAdapter(db, sessions, users), {
    sessionExpiresIn: new TimeSpan(config.sessionIdleMinutes, "m"),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: false,
      attributes: { secure: config.secureCookies, sameSite: "lax" },
    },
    getSessionAttributes: (a) => ({ createdAt: a.createdAt, twoFactorVerified: a.twoFactorVerified }),
    getUserAttributes: (a) => ({ disabledAt: a.disabledAt }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof makeLucia>;
    DatabaseSessionAttributes: {
      createdAt: Date;
      twoFactorVerified: boolean;
      ip: string | null;
      userAgent: string | null;
    };
    DatabaseUserAttributes: { disabledAt: Date | null };
  }
}

export interface ValidSession {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  twoFactorVerified: boolean;
}

export interface SessionManager {
  cookieName: string;
  create(userId: string, opts: { twoFactorVerified: boolean; ip: string | null; userAgent: string | null }): Promise<ValidSession>;
  /** Returns the session if it is alive, sliding its idle expiry; null (and deleted) otherwise. */
  validate(sessionId: string): Promise<ValidSession | null>;
  markTwoFactorVerified(sessionId: string): Promise<void>;
  invalidate(sessionId: string): Promise<void>;
  invalidateUser(userId: string): Promise<void>;
  deleteExpired(): Promise<void>;
  /** Which of these sessions are still alive, without sliding their expiry (socket sweeps). */
  alive(sessionIds: string[]): Promise<Set<string>>;
  readCookie(cookieHeader: string | null): string | null;
  /** Set-Cookie header value for a session id. */
  cookie(sessionId: string): string;
  blankCookie(): string;
}

export function createSessionManager(db: DbOrTx, config: AppConfig, now: () => Date = () => new Date()): SessionManager {
  const lucia = makeLucia(db, config);
  const idleMs = config.sessionIdleMinutes * 60_000;
  const absoluteMs = config.sessionAbsoluteHours * 3_600_000;

  return {
    cookieName: lucia.sessionCookieName,
    async create(userId, opts) {
      const s = await lucia.createSession(userId, {
        createdAt: now(),
        twoFactorVerified: opts.twoFactorVerified,
        ip: opts.ip,
        userAgent: opts.userAgent?.slice(0, 400) ?? null,
      });
      return { id: s.id, userId, createdAt: s.createdAt, expiresAt: s.expiresAt, twoFactorVerified: s.twoFactorVerified };
    },
    async validate(sessionId) {
      const { session, user } = await lucia.validateSession(sessionId);
      if (!session || !user) return null;
      const t = now().getTime();
      if (user.disabledAt || t - session.createdAt.getTime() >= absoluteMs || session.expiresAt.getTime() <= t) {
        await lucia.invalidateSession(session.id);
        return null;
      }
      // lucia only slides in the last half of the window; slide every minute so
      // the idle limit is 30 minutes, not 15 to 30, and never past the absolute limit.
      let expiresAt = session.expiresAt;
      if (expiresAt.getTime() - t < idleMs - 60_000 || expiresAt.getTime() > session.createdAt.getTime() + absoluteMs) {
        expiresAt = new Date(Math.min(t + idleMs, session.createdAt.getTime() + absoluteMs));
        await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, session.id));
      }
      return {
        id: session.id,
        userId: session.userId,
        createdAt: session.createdAt,
        expiresAt,
        twoFactorVerified: session.twoFactorVerified,
      };
    },
    async markTwoFactorVerified(sessionId) {
      await db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId));
    },
    invalidate: (id) => lucia.invalidateSession(id),
    invalidateUser: (userId) => lucia.invalidateUserSessions(userId),
    deleteExpired: () => lucia.deleteExpiredSessions(),
    async alive(sessionIds) {
      if (sessionIds.length === 0) return new Set();
      const t = now();
      const rows = await db
        .select({ id: sessions.id, createdAt: sessions.createdAt })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(inArray(sessions.id, sessionIds), gt(sessions.expiresAt, t), isNull(users.disabledAt)));
      return new Set(rows.filter((r) => t.getTime() - r.createdAt.getTime() < absoluteMs).map((r) => r.id));
    },
    readCookie: (header) => (header ? lucia.readSessionCookie(header) : null),
    cookie: (id) => {
      // lucia's expires:false means a 400-day cookie; we want a browser-session cookie
      // and let the server enforce the idle and absolute limits.
      const c = lucia.createSessionCookie(id);
      delete c.attributes.maxAge;
      delete c.attributes.expires;
      return c.serialize();
    },
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
  };
}
