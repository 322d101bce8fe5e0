// Opens the database exactly as the server does: environment -> createDb -> migrate -> services.
import { existsSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import path from "node:path";
import { createDb, dbConfigFromEnv, type DbHandle } from "../../db/client";
import { defaultConfig } from "../domain/context";
import { createEventBus } from "../domain/events";
import { createServices, type Services } from "../domain/services";
import { readEnv } from "../utils/env.server";
import { CliError } from "./errors";

export const DATABASE_IN_USE = "The embedded database is in use by a running Concordia server: stop it first, or use DATABASE_URL";

/**
 * PGlite neither locks its directory nor refuses a second process, and two
 * writers would corrupt it. On Linux, a process holding files open inside the
 * directory is the running server.
 */
function processesHolding(dir: string): number[] {
  if (!existsSync("/proc/self/fd") || !existsSync(dir)) return [];
  const root = realpathSync(dir) + path.sep;
  const holders: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // another user's process, or gone
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${entry}/fd/${fd}`).startsWith(root)) {
          holders.push(Number(entry));
          break;
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return holders;
}

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
  if (dbConfig.kind === "pglite" && dbConfig.dataDir && processesHolding(dbConfig.dataDir).length > 0) throw new CliError(DATABASE_IN_USE, 1);

  let handle: DbHandle | null = null;
  try {
    handle = await createDb(dbConfig);
    await handle.migrate();
  } catch (err) {
    await handle?.close().catch(() => {});
    const reason = (err as Error).message;
    if (dbConfig.kind === "pglite") throw new CliError(`${DATABASE_IN_USE}\n(opening ${dbConfig.dataDir} failed: ${reason})`, 1);
    // the URL may carry a password: never print it
    throw new CliError(`Cannot open the database named by DATABASE_URL: ${reason}`, 1);
  }
  const services = createServices({
    db: handle.db,
    // nobody listens in this process: a running server notices ended sessions on its own sweep
    events: createEventBus(),
    now: () => new Date(),
    config: { ...defaultConfig, publicOrigin: env.PUBLIC_ORIGIN ?? null },
  });
  const describe = dbConfig.kind === "pglite" ? `embedded database in ${dbConfig.dataDir}` : "PostgreSQL (DATABASE_URL)";
  return { handle, services, describe };
}
