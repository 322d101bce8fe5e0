import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useSubmit,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./domain/validation";
import { LANGUAGE_COOKIE, LANGUAGE_NAMES, isLanguage, languageFromAcceptHeader } from "./i18n/config";
import { UI_LANGUAGES, type UiLanguage } from "./domain/vocabulary";
import styles from "./styles/app.css";
import chatStyles from "./styles/chat.css";
import { getUser } from "./utils/auth.server";
import { useNonce } from "./utils/nonce";
import { useRootData, type RootData } from "./utils/root-data";
import { useNotificationsLive } from "./hooks/use-notifications";
import { ChatNavLink } from "./components/chat/nav-link";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: chatStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Concordia" }];

function cookieLanguage(cookieHeader: string | null): UiLanguage | null {
  const m = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([a-z]{2})`));
  return m && isLanguage(m[1]) ? m[1] : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ru = await getUser(request, context);
  const lng: UiLanguage =
    ru?.user.locale ?? cookieLanguage(request.headers.get("cookie")) ?? languageFromAcceptHeader(request.headers.get("accept-language")) ?? "en";
  const data: RootData = {
    lng,
    timeZone: ru?.user.timeZone ?? "UTC",
    unreadNotifications: ru ? await context.services.notifications.unreadCount({ actor: ru.actor }) : 0,
    user: ru
      ? {
          id: ru.user.id,
          name: ru.user.name,
          email: ru.user.email,
          officeRole: ru.user.officeRole,
          agencyName: ru.user.agencyName,
          agencyCountry: ru.user.agencyCountry,
        }
      : null,
  };
  // the top bar's chat badge: other people's unread messages over every channel the reader can read
  // (under /chat the chat layout's loader reads the channel list itself: not counted twice)
  const { pathname } = new URL(request.url);
  const onChat = pathname === "/chat" || pathname.startsWith("/chat/");
  const unreadChat = ru && !onChat ? await context.services.chat.countUnread({ actor: ru.actor }) : null;
  return json({ ...data, unreadChat, unreadChatAt: Date.now() });
}

function Document({ lng, children }: { lng: string; children: ReactNode }) {
  const nonce = useNonce();
  const { i18n } = useTranslation();
  return (
    <html lang={lng} dir={i18n.dir(lng)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export function LanguageSelect({ current, className }: { current: UiLanguage; className?: string }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  const submit = useSubmit();
  return (
    <Form method="post" action="/language" className={className} onChange={(e) => submit(e.currentTarget)}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label className="sr-only" htmlFor="language-select">
        {t("language.label")}
      </label>
      <select id="language-select" name="language" defaultValue={current} key={current}>
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn btn-sm">
          {t("language.apply")}
        </button>
      </noscript>
    </Form>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { user, lng, unreadNotifications } = useRootData();
  const { t } = useTranslation("common");
  useNotificationsLive(!!user);
  if (!user) return <>{children}</>;
  const canAudit = user.officeRole === "admin" || user.officeRole === "office_lead";
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="topbar">
        <Link to="/dashboard" className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Concordia
        </Link>
        <nav className="mainnav" aria-label={t("nav.main")}>
          <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
          <NavLink to="/operations">{t("nav.operations")}</NavLink>
          <NavLink to="/tasks">{t("boards:nav.my_tasks")}</NavLink>
          {user.officeRole !== "ngo_partner" ? <NavLink to="/deconfliction">{t("deconfliction:nav.deconfliction")}</NavLink> : null}
          <ChatNavLink />
          {user.officeRole === "office_lead" || user.officeRole === "admin" ? <NavLink to="/workload">{t("boards:nav.workload")}</NavLink> : null}
          {canAudit ? <NavLink to="/audit">{t("nav.audit")}</NavLink> : null}
          {user.officeRole === "admin" ? <NavLink to="/admin">{t("nav.admin")}</NavLink> : null}
        </nav>
        <div className="usermenu">
          <LanguageSelect current={lng} />
          <Link to="/notifications" className="bell" aria-label={t("nav.notifications_count", { count: unreadNotifications })}>
            <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
            {unreadNotifications > 0 ? <span className="bell-count">{unreadNotifications > 99 ? "99+" : unreadNotifications}</span> : null}
          </Link>
          <div className="who">
            <strong>{user.name}</strong>
            <span title={`${user.agencyName} · ${user.agencyCountry}`}>
              {user.agencyName} · {user.agencyCountry}
            </span>
          </div>
          <Link to="/account">{t("nav.account")}</Link>
          <Form method="post" action="/logout">
            <button type="submit" className="linklike" style={{ color: "inherit" }}>
              {t("nav.sign_out")}
            </button>
          </Form>
        </div>
      </header>
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}

export default function App() {
  const { lng } = useRootData();
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language !== lng) void i18n.changeLanguage(lng);
  }, [lng, i18n]);
  return (
    <Document lng={lng}>
      <Shell>
        <Outlet />
      </Shell>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation("common");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "not_found" : status === 403 ? "forbidden" : "server";
  return (
    <Document lng={i18n.language ?? "en"}>
      <div className="auth-wrap">
        <div className="auth-card">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              C
            </span>
            Concordia
          </Link>
          <h1>{t(`error_page.${key}.title`)}</h1>
          <p className="muted">{t(`error_page.${key}.body`)}</p>
          <p className="small muted">{t("error_page.status", { status })}</p>
          <Link className="btn btn-primary" to="/dashboard">
            {t("error_page.home")}
          </Link>
        </div>
      </div>
    </Document>
  );
}
