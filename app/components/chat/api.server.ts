// The chat's JSON endpoints (used by the page's scripts): one service call each,
// domain refusals as { error } with their status, never a page.
import { json, type AppLoadContext } from "@remix-run/node";
import type { Actor } from "../../domain/context";
import { jsonError } from "../../utils/http.server";
import { requireUser } from "../../utils/auth.server";

export async function chatJson<T>(request: Request, context: AppLoadContext, fn: (actor: Actor, params: URLSearchParams) => Promise<T>) {
  const { actor } = await requireUser(request, context);
  const params = new URL(request.url).searchParams;
  try {
    // private and per-reader: never cached by a browser or a proxy
    return json(await fn(actor, params), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return jsonError(err);
  }
}

/** A search parameter as an optional string (absent or empty -> undefined), for zod to judge. */
export const param = (params: URLSearchParams, name: string) => {
  const v = params.get(name);
  return v === null || v === "" ? undefined : v;
};
