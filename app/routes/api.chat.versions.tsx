import type { LoaderFunctionArgs } from "@remix-run/node";
import { chatJson } from "../components/chat/api.server";

/** The earlier versions of an edited message (readers of its channel only). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return chatJson(request, context, async (actor, p) => ({
    versions: await context.services.chat.messageVersions({ actor, messageId: p.get("messageId") ?? "" }),
  }));
}
