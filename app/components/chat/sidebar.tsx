import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ChannelListItem } from "../../domain/chat/types";
import { usePresence } from "../../hooks/use-chat-presence";
import { useChannelTitle } from "./names";
import { PresenceDot } from "./presence-dot";

interface OperationGroup {
  operationId: string;
  code: string;
  channels: ChannelListItem[];
}

/** Operation channels grouped by operation (general first), then conversations, most recent first. */
export function groupChannels(channels: ChannelListItem[]) {
  const ops = new Map<string, OperationGroup>();
  const conversations: ChannelListItem[] = [];
  for (const c of channels) {
    if (c.kind === "operation" && c.operationId) {
      let g = ops.get(c.operationId);
      if (!g) ops.set(c.operationId, (g = { operationId: c.operationId, code: c.operationCode ?? c.operationName ?? "", channels: [] }));
      g.channels.push(c);
    } else conversations.push(c);
  }
  const groups = [...ops.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const g of groups) g.channels.sort((a, b) => Number(b.isGeneral) - Number(a.isGeneral) || Number(a.archived) - Number(b.archived) || (a.name ?? "").localeCompare(b.name ?? ""));
  conversations.sort((a, b) => (b.lastMessageAt ?? "").localeCompare(a.lastMessageAt ?? ""));
  return { groups, conversations };
}

export function ChatSidebar({ channels, leadOf }: { channels: ChannelListItem[]; leadOf: string[] }) {
  const { t } = useTranslation("chat");
  const { groups, conversations } = groupChannels(channels);
  const directIds = conversations.filter((c) => c.kind === "direct").flatMap((c) => (c.otherUsers ?? []).map((u) => u.id));
  const presence = usePresence(directIds);
  return (
    <nav className="chat-sidebar" aria-label={t("chat:sidebar.label")}>
      <div className="chat-sidebar-top">
        <Link to="/chat/search" className="chat-search-link">
          <span aria-hidden="true">⌕</span> {t("chat:search.open")}
        </Link>
      </div>
      <div className="chat-sidebar-scroll">
        {groups.length === 0 ? <p className="small muted chat-sidebar-empty">{t("chat:sidebar.no_operations")}</p> : null}
        {groups.map((g) => (
          <section key={g.operationId} className="chat-group" aria-labelledby={`grp-${g.operationId}`}>
            <div className="chat-group-head">
              <h2 id={`grp-${g.operationId}`}>{g.code}</h2>
              {leadOf.includes(g.operationId) ? (
                <Link to={`/chat/new-channel?operationId=${g.operationId}`} className="chat-group-add" title={t("chat:sidebar.add_channel")}>
                  <span aria-hidden="true">+</span>
                  <span className="sr-only">{t("chat:sidebar.add_channel_in", { operation: g.code })}</span>
                </Link>
              ) : null}
            </div>
            <ul className="chat-channel-list">
              {g.channels.map((c) => (
                <ChannelLink key={c.id} channel={c} />
              ))}
            </ul>
          </section>
        ))}
        <section className="chat-group" aria-labelledby="grp-conversations">
          <div className="chat-group-head">
            <h2 id="grp-conversations">{t("chat:sidebar.conversations")}</h2>
            <Link to="/chat/new" className="chat-group-add" title={t("chat:sidebar.new_conversation")}>
              <span aria-hidden="true">+</span>
              <span className="sr-only">{t("chat:sidebar.new_conversation")}</span>
            </Link>
          </div>
          {conversations.length === 0 ? <p className="small muted chat-sidebar-empty">{t("chat:sidebar.no_conversations")}</p> : null}
          <ul className="chat-channel-list">
            {conversations.map((c) => (
              <ChannelLink key={c.id} channel={c} status={c.kind === "direct" && c.otherUsers?.[0] ? presence(c.otherUsers[0].id) : undefined} />
            ))}
          </ul>
        </section>
      </div>
    </nav>
  );
}

function ChannelLink({ channel: c, status }: { channel: ChannelListItem; status?: ReturnType<ReturnType<typeof usePresence>> }) {
  const { t } = useTranslation("chat");
  const title = useChannelTitle()(c);
  const unread = c.unread > 0;
  return (
    <li>
      <NavLink
        to={`/chat/${c.id}`}
        className={({ isActive }) => ["chat-channel", isActive ? "active" : "", unread ? "unread" : "", c.archived ? "archived" : ""].filter(Boolean).join(" ")}
        data-channel-id={c.id}
      >
        <span className="chat-channel-icon" aria-hidden="true">
          {c.kind === "operation" ? "#" : c.kind === "group" ? "◍" : null}
        </span>
        {status ? <PresenceDot status={status} /> : null}
        <span className="chat-channel-name">{title}</span>
        {c.archived ? <span className="sr-only"> ({t("chat:channel.archived")})</span> : null}
        {c.mentions > 0 ? (
          <span className="chat-mention-badge" title={t("chat:sidebar.mentions", { count: c.mentions })}>
            @<span className="sr-only">{t("chat:sidebar.mentions", { count: c.mentions })}</span>
          </span>
        ) : null}
        {unread ? (
          <span className="chat-unread-badge">
            <span aria-hidden="true">{c.unread > 99 ? "99+" : c.unread}</span>
            <span className="sr-only">{t("chat:sidebar.unread", { count: c.unread })}</span>
          </span>
        ) : null}
      </NavLink>
    </li>
  );
}
