import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";
import { orNotFound } from "../utils/http.server";

/**
 * The operation's "Chat" tab opens its general channel in the chat. The parent
 * route has already answered 404 to a non-member; the channel list is the
 * reader's own, so it holds this operation's channels only for a member.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const operationId = params.id ?? "";
  await orNotFound(() => context.services.operations.get({ actor, operationId }));
  const channels = await context.services.chat.listChannels({ actor });
  const general = channels.find((c) => c.operationId === operationId && c.isGeneral) ?? channels.find((c) => c.operationId === operationId);
  if (!general) throw new Response("Not Found", { status: 404 });
  return redirect(`/chat/${general.id}`);
}
