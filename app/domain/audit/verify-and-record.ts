import { systemActor, withTransaction, type Actor, type ServiceDeps } from "../context";
import { recordAudit } from "./record-audit";
import { verifyAuditChain, type ChainReport } from "./verify-chain";
import { readWitnessFile } from "./witness";

/**
 * Verifies the chain (against the witness file when one is configured) and logs
 * that it was verified, by whom and with what result: a verification is itself
 * part of the record.
 */
export async function verifyChain(
  deps: ServiceDeps,
  // without an actor, an internal check (tests, the server itself) is logged as the system's
  { actor = systemActor("system"), witnessFile }: { actor?: Actor; witnessFile?: string | null } = {},
): Promise<ChainReport> {
  const file = witnessFile ?? deps.config.auditWitnessFile ?? null;
  const witness = file ? await readWitnessFile(file) : [];
  const report = await verifyAuditChain(deps.db, { witness });
  await withTransaction(deps, (tx) =>
    recordAudit(tx, actor, deps.now(), {
      action: "audit.verified",
      outcome: report.intact ? "success" : "failure",
      details: report.intact
        ? { rows: report.rows, lastId: report.lastId, witnessed: report.witnessed }
        : { rows: report.rows, firstBadId: report.firstBadId, problem: report.problem },
    }),
  );
  return report;
}
