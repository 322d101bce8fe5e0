import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ChannelListItem } from "../../domain/chat/types";
import { useChatSummary } from "../../hooks/use-chat";

/**
 * "Chat" in the top bar with the reader's unread count, live: the count comes from
 * the page's root data and then from the chat summary, refreshed over the socket.
 */
export function ChatNavLink() {
  const { t } = useTranslation("chat");
  const root = useRouteLoaderData("root") as { unreadChat?: number | null; unreadChatAt?: number } | undefined;
  // under /chat the root leaves the count to the chat layout, which lists the channels anyway
  const layout = useRouteLoaderData("routes/chat") as { channels: ChannelListItem[]; at: number } | undefined;
  const { summary } = useChatSummary(true);
  const fromPage =
    layout && (root?.unreadChat == null || layout.at > (root.unreadChatAt ?? 0))
      ? { unread: layout.channels.reduce((n, c) => n + (c.archived ? 0 : c.unread), 0), at: layout.at }
      : { unread: root?.unreadChat ?? 0, at: root?.unreadChatAt ?? 0 };
  const unread = summary && summary.at > fromPage.at ? summary.unread : fromPage.unread;
  return (
    <NavLink to="/chat" className="nav-chat">
      {t("chat:nav.label")}
      {unread > 0 ? (
        <>
          <span className="nav-chat-count" aria-hidden="true" data-testid="chat-unread">
            {unread > 99 ? "99+" : unread}
          </span>
          <span className="sr-only"> ({t("chat:sidebar.unread", { count: unread })})</span>
        </>
      ) : null}
    </NavLink>
  );
}
