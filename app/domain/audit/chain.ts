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

/** Each row's hash covers its own content and the previous row's hash. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const body = canonicalJson({
    id: row.id,
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
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
