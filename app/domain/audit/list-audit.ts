import { recordAudit } from "./record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { getOperationForActor } from "../operations/access";
import { parseInput } from "../validation";
import { canReadOfficeLog, filterConditions, filterOptions, filtersForAudit, readPage, readerTimeZone } from "./query-audit";
import { auditFilterSchema } from "./schemas";

interface ListArgs {
  actor: Actor;
  /** The URL's filter parameters. */
  input: unknown;
  /** The reader's zone: the from/to dates are calendar days there. */
  timeZone?: string | null;
}

/**
 * The office's log, newest first, for office leads and administrators. Reading
 * it is itself a consultation that the log records (Directive 2016/680, art. 25).
 */
export async function listAudit(deps: ServiceDeps, { actor, input, timeZone }: ListArgs) {
  if (!canReadOfficeLog(actor)) throw Forbidden();
  const filter = parseInput(auditFilterSchema, input);
  const zone = readerTimeZone(timeZone);
  const page = await readPage(deps.db, actor, filterConditions(filter, zone, null), filter);
  const options = await filterOptions(deps.db, actor, null);
  await withTransaction(deps, (tx) =>
    recordAudit(tx, actor, deps.now(), {
      action: "audit.viewed",
      details: { scope: "office", filters: filtersForAudit(filter, zone), ...cursorOf(filter), rows: page.rows.length },
    })
  );
  return { ...page, options, filter };
}

/** One operation's log, for its members; anyone else gets the NotFound of a missing operation. */
export async function listOperationAudit(deps: ServiceDeps, { actor, operationId, input, timeZone }: ListArgs & { operationId: string }) {
  const { operation } = await getOperationForActor(deps.db, operationId, actor, deps.now());
  const filter = parseInput(auditFilterSchema, input);
  const zone = readerTimeZone(timeZone);
  const page = await readPage(deps.db, actor, filterConditions(filter, zone, operation.id), filter);
  const options = await filterOptions(deps.db, actor, operation.id);
  await withTransaction(deps, (tx) =>
    recordAudit(tx, actor, deps.now(), {
      action: "audit.viewed",
      operationId: operation.id,
      details: { scope: "operation", filters: filtersForAudit({ ...filter, operation: undefined }, zone), ...cursorOf(filter), rows: page.rows.length },
    })
  );
  return { ...page, options, filter: { ...filter, operation: undefined } };
}

const cursorOf = (f: { before?: number; after?: number }) => ({
  ...(f.before !== undefined ? { before: f.before } : {}),
  ...(f.after !== undefined ? { after: f.after } : {}),
});

/** The filter selects alone, for a page whose filters did not parse (nothing was read, nothing is logged). */
export async function auditFilterChoices(deps: ServiceDeps, { actor, operationId = null }: { actor: Actor; operationId?: string | null }) {
  if (operationId) {
    const { operation } = await getOperationForActor(deps.db, operationId, actor, deps.now());
    return filterOptions(deps.db, actor, operation.id);
  }
  if (!canReadOfficeLog(actor)) throw Forbidden();
  return filterOptions(deps.db, actor, null);
}
