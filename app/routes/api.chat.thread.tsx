import type { LoaderFunctionArgs } from "@remix-run/node";
import { chatJson } from "../components/chat/api.server";

/** A thread: its root and replies (given a reply, that reply's thread). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return chatJson(request, context, (actor, p) =>
    context.services.chat.getThread({ actor, input: { channelId: p.get("channelId") ?? "", rootId: p.get("rootId") ?? "" } }),
  );
}
