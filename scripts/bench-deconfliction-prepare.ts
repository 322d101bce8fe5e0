/**
 * Worker of `npm run bench:deconfliction`'s loader: prepares generated
 * registrations with the service's own prepareIdentifier (normalisers, blocking
 * keys, HMAC digests) on another core, so the main thread only generates rows
 * and streams them to COPY. Bundled and started by scripts/bench-deconfliction.ts.
 */
import { parentPort } from "node:worker_threads";
import type { IdentifierKind } from "../app/domain/deconfliction/identifiers/kinds";
import { prepareIdentifier } from "../app/domain/deconfliction/prepare";

export interface PrepareRequest {
  seq: number;
  secret: string;
  items: { kind: IdentifierKind; value: Record<string, unknown>; country: string }[];
}

/** Per item: null when the normalisers refuse it, else what the loader writes. */
export interface PrepareResponse {
  seq: number;
  out: ({ kind: string; raw: string; display: string; person: string | null; keys: [string, string, string][] } | null)[];
}

parentPort?.on("message", (req: PrepareRequest) => {
  const out: PrepareResponse["out"] = req.items.map((item) => {
    const p = prepareIdentifier(req.secret, item.kind, item.value, item.country);
    if (!p.ok) return null;
    const v = p.value;
    return {
      kind: v.kind,
      raw: JSON.stringify(v.raw),
      display: v.display,
      person: v.person ? JSON.stringify(v.person) : null,
      keys: v.keys.map((k) => [k.kind, k.keyType, k.digest] as [string, string, string]),
    };
  });
  parentPort!.postMessage({ seq: req.seq, out } satisfies PrepareResponse);
});
