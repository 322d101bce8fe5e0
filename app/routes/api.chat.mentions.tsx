import type { LoaderFunctionArgs } from "@remix-run/node";
import { chatJson } from "../components/chat/api.server";

/** Who can be @mentioned in a channel: its readers only, matching what was typed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return chatJson(request, context, async (actor, p) => ({
    users: await context.services.chat.mentionCandidates({ actor, input: { channelId: p.get("channelId") ?? "", q: p.get("q") ?? "" } }),
  }));
}
