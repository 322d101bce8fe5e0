import type { LoaderFunctionArgs } from "@remix-run/node";
import { chatJson } from "../components/chat/api.server";

/** The reader's channels with unread counts: the sidebar and the header badge refresh from here. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return chatJson(request, context, async (actor) => {
    const channels = await context.services.chat.listChannels({ actor });
    return {
      channels,
      unread: channels.reduce((n, c) => n + (c.archived ? 0 : c.unread), 0),
      mentions: channels.reduce((n, c) => n + (c.archived ? 0 : c.mentions), 0),
      at: Date.now(),
    };
  });
}
