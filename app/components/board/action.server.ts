// How the board's forms answer a DomainError. Server-only: loaders and actions use it.
import { json } from "@remix-run/node";
import type { DomainError } from "../../domain/errors";

// Structural: services and routes are two bundles with two copies of the class.
function isDomainError(e: unknown): e is DomainError {
  return e instanceof Error && e.name === "DomainError" && typeof (e as { code?: unknown }).code === "string";
}

export interface BoardReply {
  ok: boolean;
  intent: string;
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
  /** On a stale version: the card as it is now, to compare with what was submitted. */
  current?: unknown;
  submitted?: Record<string, unknown>;
  /** deconfliction hits a planned-action change raised */
  newHits?: number;
}

const REFUSALS: Record<string, string> = {
  read_only: "boards:errors.read_only",
  lead_only: "boards:errors.lead_only",
  not_author: "boards:errors.not_author",
};

/**
 * Bad input is a 400 with the field errors, a stale version a 409 with the card as it
 * is now, a refusal a 403; a missing or hidden record is the same 404 page either way.
 */
export function boardRefusal(err: unknown, intent: string, submitted?: Record<string, unknown>) {
  if (isDomainError(err)) {
    const base = { ok: false, intent, submitted };
    switch (err.code) {
      case "invalid":
        return json<BoardReply>({ ...base, formErrors: err.fields._form ?? [], fieldErrors: err.fields }, { status: 400 });
      case "conflict":
        return json<BoardReply>(
          { ...base, formErrors: [`boards:errors.${err.message}`], fieldErrors: {}, current: (err.params as { current?: unknown }).current ?? null },
          { status: 409 },
        );
      case "forbidden":
        return json<BoardReply>({ ...base, formErrors: [REFUSALS[err.message] ?? "boards:errors.read_only"], fieldErrors: {} }, { status: 403 });
      case "not_found":
        throw new Response("Not Found", { status: 404 });
      case "unauthenticated":
        throw new Response("Forbidden", { status: 403 });
      case "rate_limited":
        return json<BoardReply>({ ...base, formErrors: ["errors.rate_limited"], fieldErrors: {} }, { status: 429 });
    }
  }
  throw err;
}

export async function runBoardAction(intent: string, fn: () => Promise<unknown>, submitted?: Record<string, unknown>) {
  try {
    await fn();
    return json<BoardReply>({ ok: true, intent, formErrors: [], fieldErrors: {} });
  } catch (err) {
    return boardRefusal(err, intent, submitted);
  }
}
