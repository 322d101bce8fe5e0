import { Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ThreadIcon } from "../components/chat/icons";
import type { loader as chatLoader } from "./chat";

/** No channel chosen yet: where to start. */
export default function ChatHome() {
  const { t } = useTranslation("chat");
  const data = useRouteLoaderData<typeof chatLoader>("routes/chat");
  const unread = data?.channels.filter((c) => c.unread > 0 && !c.archived) ?? [];
  return (
    <div className="chat-welcome">
      <div className="chat-welcome-card">
        <span className="chat-welcome-icon" aria-hidden="true">
          <ThreadIcon size={30} />
        </span>
        <h2>{t("chat:home.title")}</h2>
        <p className="muted">{t("chat:home.body")}</p>
        {unread.length ? <p>{t("chat:home.unread", { count: unread.length })}</p> : null}
        <div className="row" style={{ justifyContent: "center" }}>
          <Link to="/chat/new" className="btn btn-primary">
            {t("chat:sidebar.new_conversation")}
          </Link>
          <Link to="/chat/search" className="btn">
            {t("chat:search.open")}
          </Link>
        </div>
      </div>
    </div>
  );
}
