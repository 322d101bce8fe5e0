import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]> };
export interface Replyable {
  reply(options?: ReplyOptions): SubmissionResult<string[]>;
}

/**
 * A domain error as the account forms' reply. The services run in the server
 * bundle and the routes in the Remix build, so the DomainError class exists
 * twice: it is recognised by its name and shape, not with instanceof.
 */
export function accountReply(replyable: Replyable, err: unknown) {
  if (!(err instanceof Error) || err.name !== "DomainError") throw err;
  const e = err as Error & { code?: string; fields?: Record<string, string[]> };
  switch (e.code) {
    case "invalid":
      return json(replyable.reply({ fieldErrors: e.fields ?? {}, formErrors: e.fields?._form }), { status: 400 });
    case "conflict":
      return json(replyable.reply({ formErrors: [`account:errors.${e.message}`] }), { status: 409 });
    case "rate_limited":
      return json(replyable.reply({ formErrors: ["errors.rate_limited"] }), { status: 429 });
    case "not_found":
      throw new Response("Not Found", { status: 404 });
    default:
      throw new Response("Forbidden", { status: 403 });
  }
}
