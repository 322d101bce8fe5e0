import type { LoaderFunctionArgs } from "@remix-run/node";
import { chatJson, param } from "../components/chat/api.server";

/** One keyset page of a channel's messages (or a thread's replies): before, after or around a seq. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return chatJson(request, context, (actor, p) =>
    context.services.chat.listMessages({
      actor,
      input: {
        channelId: p.get("channelId") ?? "",
        before: param(p, "before"),
        after: param(p, "after"),
        around: param(p, "around"),
        parentId: param(p, "parentId"),
        limit: param(p, "limit"),
      } as never,
    }),
  );
}
