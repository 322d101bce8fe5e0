// Opens the database exactly as the server does: environment -> createDb -> migrate -> services.
import { createDb, DatabaseInUseError, dbConfigFromEnv, type DbHandle } from "../../db/client";
import { defaultConfig } from "../domain/context";
import { createEventBus } from "../domain/events";
import { createServices, type Services } from "../domain/services";
import { readEnv } from "../utils/env.server";
import { CliError } from "./errors";

export const DATABASE_IN_USE = "The embedded database is in use by a running Concordia server: stop it first, or use DATABASE_URL";

export interface OpenDatabase {
  handle: DbHandle;
  services: Services;
  describe: string;
}

export async function openDatabase(source: NodeJS.ProcessEnv = process.env): Promise<OpenDatabase> {
  let env;
  try {
    env = readEnv(source);
  } catch (err) {
    throw new CliError((err as Error).message, 2);
  }
  const dbConfig = dbConfigFromEnv(env);

  let handle: DbHandle | null = null;
  try {
    handle = await createDb(dbConfig);
    await handle.migrate();
  } catch (err) {
    await handle?.close().catch(() => {});
    const reason = (err as Error).message;
    if (err instanceof DatabaseInUseError) throw new CliError(DATABASE_IN_USE, 1);
    if (dbConfig.kind === "pglite") throw new CliError(`${DATABASE_IN_USE}\n(opening ${dbConfig.dataDir} failed: ${reason})`, 1);
    // the URL may carry a password: never print it
    throw new CliError(`Cannot open the database named by DATABASE_URL: ${reason}`, 1);
  }
  const services = createServices({
    db: handle.db,
    // nobody listens in this process: a running server notices ended sessions on its own sweep
    events: createEventBus(),
    now: () => new Date(),
    config: { ...defaultConfig, publicOrigin: env.PUBLIC_ORIGIN ?? null, deconflictionSecret: env.DECONFLICTION_SECRET, auditWitnessFile: env.AUDIT_WITNESS_FILE ?? null },
  });
  const describe = dbConfig.kind === "pglite" ? `embedded database in ${dbConfig.dataDir}` : "PostgreSQL (DATABASE_URL)";
  return { handle, services, describe };
}
