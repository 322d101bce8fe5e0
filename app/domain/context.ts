import type { Db, Tx } from "../../db/client";
import type { OfficeRole } from "./vocabulary";
import type { DomainEvent, EventBus } from "./events";

/** Who is acting. `system` is the CLI or a background job. */
export interface Actor {
  kind: "user" | "system";
  id: string | null;
  label: string;
  officeRole: OfficeRole | null;
  agencyId: string | null;
  ip: string | null;
  /** Set when a national system acts through an API token: the audit log says so. */
  via?: { kind: "api"; tokenId: string; tokenPrefix: string };
}

export const systemActor = (label = "system", ip: string | null = null): Actor => ({
  kind: "system",
  id: null,
  label,
  officeRole: null,
  agencyId: null,
  ip,
});

export interface AppConfig {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  invitationHours: number;
  secureCookies: boolean;
  publicOrigin: string | null;
  /** HMAC key of the blind-matching index (DECONFLICTION_SECRET); see app/domain/deconfliction/secret.ts when absent. */
  deconflictionSecret?: string;
  /** Map tiles for planned actions (MAP_TILE_URL, {z}/{x}/{y}); without it pages draw a sketch. */
  mapTileUrl?: string | null;
  mapAttribution?: string | null;
  /** Append-only file outside the database holding copies of the audit chain's head (AUDIT_WITNESS_FILE). */
  auditWitnessFile?: string | null;
}

export const defaultConfig: AppConfig = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 10,
  invitationHours: 72,
  secureCookies: false,
  publicOrigin: null,
};

export interface ServiceDeps {
  db: Db;
  events: EventBus;
  now: () => Date;
  config: AppConfig;
}

/**
 * Runs `fn` in one transaction; events it queues are published only after commit,
 * so no listener ever sees a change that was rolled back.
 */
export async function withTransaction<T>(
  deps: ServiceDeps,
  fn: (tx: Tx, emit: (event: DomainEvent) => void) => Promise<T>,
): Promise<T> {
  const queued: DomainEvent[] = [];
  const result = await deps.db.transaction(async (tx) => fn(tx, (e) => queued.push(e)));
  for (const e of queued) deps.events.publish(e);
  return result;
}
