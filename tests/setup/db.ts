// A fresh, migrated database per test file: in-memory PGlite by default, or a
// throwaway database on the PostgreSQL server that DATABASE_URL points at.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb, type DbHandle } from "../../db/client";

export interface TestDb extends DbHandle {
  /** Drops the throwaway database too. */
  destroy(): Promise<void>;
  url: string | null;
}

export async function createTestDb(): Promise<TestDb> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const handle = await createDb({ kind: "pglite" });
    await handle.migrate();
    return { ...handle, url: null, destroy: () => handle.close() };
  }
  const name = `concordia_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ kind: "postgres", url: url.toString(), max: 5 });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async destroy() {
      await handle.close();
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
