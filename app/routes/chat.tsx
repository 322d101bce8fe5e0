import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChatSidebar } from "../components/chat/sidebar";
import { useChatSummary } from "../hooks/use-chat";
import boardStyles from "../styles/board.css";
import { requireUser } from "../utils/auth.server";

// chat.css itself is linked by the root (the top bar's unread badge uses it)
export const links: LinksFunction = () => [{ rel: "stylesheet", href: boardStyles }];

export const meta: MetaFunction = () => [{ title: "Chat · Concordia" }];

/** The reader's channels (need-to-know in the service) and the operations where they may add channels. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const [channels, mine] = await Promise.all([context.services.chat.listChannels({ actor }), context.services.operations.listMine({ actor })]);
  return json({
    channels,
    leadOf: mine.filter((o) => o.memberRole === "lead" && o.readOnlyReason === null).map((o) => o.id),
    at: Date.now(),
  });
}

export default function ChatLayout() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("chat");
  // the header's badge keeps the list fresh over the socket; whichever answer is newer wins
  const { summary } = useChatSummary(false);
  const channels = summary && summary.at > data.at ? summary.channels : data.channels;
  return (
    <div className="chat-layout">
      <h1 className="sr-only">{t("chat:title")}</h1>
      <ChatSidebar channels={channels} leadOf={data.leadOf} />
      <div className="chat-main">
        <Outlet />
      </div>
    </div>
  );
}
