import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useConnectionStatus, type ConnectionStatus as Status } from "../../hooks/use-socket";

const TONE: Record<Status, "green" | "amber" | "red" | "grey"> = {
  connecting: "grey",
  online: "green",
  reconnecting: "amber",
  offline: "red",
  session_ended: "red",
};

/**
 * Whether this page is receiving live changes. A polite live region, so a screen
 * reader hears when the connection drops and when it returns.
 */
export function ConnectionStatus({ className }: { className?: string }) {
  const status = useConnectionStatus();
  const { t } = useTranslation(["live", "common"]);
  const location = useLocation();
  const signIn = `/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={["row", className].filter(Boolean).join(" ")} data-status={status}>
      <span className={`badge badge-${TONE[status]}`} title={t(`live:hint.${status}`)}>
        <span aria-hidden="true">●</span>
        <span className="sr-only">{t("live:status.label")}: </span>
        {t(`live:status.${status}`)}
      </span>
      {status === "offline" || status === "reconnecting" ? <span className="small muted">{t(`live:hint.${status}`)}</span> : null}
      {status === "session_ended" ? (
        <span className="small">
          {t("live:hint.session_ended")}{" "}
          <a href={signIn}>
            {t("live:actions.sign_in")}
          </a>
        </span>
      ) : null}
    </div>
  );
}
