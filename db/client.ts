// The only module that knows PGlite from postgres.js. Nothing connects at import.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** The common base of both drivers' drizzle databases: services only see this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export type DbConfig =
  | { kind: "postgres"; url: string; max?: number }
  | { kind: "pglite"; dataDir?: string /* undefined = in memory */ };

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  /** Applies the committed migrations (serialised across processes on PostgreSQL). */
  migrate(): Promise<void>;
  /** Is the database answering? */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const MIGRATION_LOCK = 7_340_021; // pg_advisory_lock key: one migrator at a time

/** Another live process has the embedded database open. */
export class DatabaseInUseError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly pid: number,
  ) {
    super(`The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, or use DATABASE_URL.`);
    this.name = "DatabaseInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite neither locks its directory nor refuses a second opener, and two writers
 * corrupt it: a lock file beside the directory, holding the owner's pid, makes
 * the second opener (a second server, the CLI) fail with a clear reason instead.
 * A lock left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, "utf8") === String(process.pid)) rmSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new DatabaseInUseError(dataDir, owner);
      rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseInUseError(dataDir, -1);
}

export function dbConfigFromEnv(env: { DATABASE_URL?: string; DATA_DIR?: string }): DbConfig {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(env.DATA_DIR ?? "./data", "pglite") };
}

export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // JIT off: the portal's queries are short, and a planner estimate over a fresh
    // table (no statistics yet) could make PostgreSQL spend half a second compiling
    // a query that runs in a millisecond (seen on the chat sidebar).
    const client = postgres(config.url, { max: config.max ?? 10, onnotice: () => {}, connection: { jit: "off" } });
    const db = drizzle(client, { schema });
    return {
      db,
      kind: "postgres",
      async migrate() {
        const { migrate } = await import("drizzle-orm/postgres-js/migrator");
        // one dedicated connection so the advisory lock and the migration share a session
        const lockClient = postgres(config.url, { max: 1, onnotice: () => {} });
        try {
          await lockClient`select pg_advisory_lock(${MIGRATION_LOCK})`;
          await migrate(drizzle(lockClient, { schema }), { migrationsFolder: MIGRATIONS_DIR });
          await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK})`;
        } finally {
          await lockClient.end({ timeout: 5 });
        }
      },
      async ping() {
        try {
          await client`select 1`;
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await client.end({ timeout: 5 });
      },
    };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { fuzzystrmatch } = await import("@electric-sql/pglite/contrib/fuzzystrmatch");
  const { cube } = await import("@electric-sql/pglite/contrib/cube");
  const { earthdistance } = await import("@electric-sql/pglite/contrib/earthdistance");
  const { drizzle } = await import("drizzle-orm/pglite");
  let unlock = () => {};
  if (config.dataDir) {
    mkdirSync(config.dataDir, { recursive: true });
    unlock = lockDataDir(config.dataDir);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create({
      dataDir: config.dataDir,
      extensions: { pg_trgm, fuzzystrmatch, cube, earthdistance },
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzle(client, { schema });
  return {
    db,
    kind: "pglite",
    async migrate() {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    },
    async ping() {
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (!client.closed) await client.close();
      unlock();
    },
  };
}
