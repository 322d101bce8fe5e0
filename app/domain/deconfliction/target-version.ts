import { createHash } from "node:crypto";

/**
 * What an edit form was loaded from. Targets carry no version column, so the
 * fields an edit can change are fingerprinted instead: a second editor whose
 * form was loaded before the first one saved gets a Conflict, not a silent overwrite.
 */
export function targetVersion(t: { raw: unknown; note: string; handlingCode: string }): string {
  return createHash("sha256").update(JSON.stringify([t.raw, t.note, t.handlingCode])).digest("hex").slice(0, 16);
}
