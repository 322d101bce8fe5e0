import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  id: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  operationId: string | null;
  outcome: string;
  ip: string | null;
  details: Record<string, unknown>;
}

/** JSON with sorted keys, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(",")}}`;
}

/**
 * The canonical body a row's hash covers, cut around its id: body = before + id + after.
 * The id is the one part only the database knows (its sequence), so an append can send
 * the rest and let one statement finish the hash (see recordAudit).
 */
export function chainBodyParts(row: Omit<ChainedFields, "id">): { before: string; after: string } {
  const fields: Record<string, unknown> = {
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    operationId: row.operationId,
    outcome: row.outcome,
    ip: row.ip,
    details: row.details,
  };
  const keys = [...Object.keys(fields).filter((k) => fields[k] !== undefined), "id"].sort();
  const cut = keys.indexOf("id");
  const pair = (k: string) => `${JSON.stringify(k)}:${canonicalJson(fields[k])}`;
  const head = keys.slice(0, cut).map(pair);
  const tail = keys.slice(cut + 1).map(pair);
  return {
    before: `{${head.map((p) => `${p},`).join("")}"id":`,
    after: `${tail.map((p) => `,${p}`).join("")}}`,
  };
}

/** Each row's hash covers its own content and the previous row's hash. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const { before, after } = chainBodyParts(row);
  return createHash("sha256").update(prevHash).update("\n").update(`${before}${JSON.stringify(row.id)}${after}`).digest("hex");
}
