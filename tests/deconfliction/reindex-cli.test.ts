// `npm run cli -- reindex-deconfliction` as an operator runs it after rotating DECONFLICTION_SECRET:
// a separate process over the same database (the embedded one, or PostgreSQL when DATABASE_URL is set).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client";
import { auditLog, targetKeys } from "../../db/schema/index";
import { defaultConfig } from "../../app/domain/context";
import { createEventBus } from "../../app/domain/events";
import { createServices } from "../../app/domain/services";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestDb, type TestDb } from "../setup/db";

const OLD_KEY = "the-key-before-rotation-".padEnd(48, "x");
const NEW_KEY = "the-key-after-rotation-".padEnd(48, "y");

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/main.ts", ...args], { cwd: path.resolve(__dirname, "../.."), env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr: stderr.replace(/^npm warn.*\n/gm, "") }));
    child.stdin.end("");
  });
}

const servicesOver = (handle: DbHandle, secret: string) =>
  createServices({ db: handle.db, events: createEventBus(), now: () => new Date(), config: { ...defaultConfig, deconflictionSecret: secret } });

// each run starts a process (tsx, then the database and its migrations): slow on a busy machine
describe("npm run cli -- reindex-deconfliction", { timeout: 240_000 }, () => {
  let dataDir = "";
  let testDb: TestDb | null = null;
  let env: Record<string, string>;
  let openDb: () => Promise<DbHandle>;
  let closeDb: (h: DbHandle) => Promise<void>;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      testDb = await createTestDb();
      env = { DATABASE_URL: testDb.url! };
      openDb = async () => testDb!;
      closeDb = async () => {};
    } else {
      dataDir = mkdtempSync(path.join(tmpdir(), "concordia-reindex-"));
      env = { DATA_DIR: dataDir, DATABASE_URL: "" };
      openDb = async () => {
        const h = await createDb({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
        await h.migrate();
        return h;
      };
      closeDb = (h) => h.close();
    }
  });
  afterAll(async () => {
    await testDb?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("is listed in the help, and its own help names the flag and the procedure, without opening the database", async () => {
    const help = await runCli(["--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("  reindex-deconfliction\n");
    const own = await runCli(["reindex-deconfliction", "--help"], env);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("Usage: npm run cli -- reindex-deconfliction --batch-size <n>");
    expect(own.stdout).toContain("Set DECONFLICTION_SECRET to the new key.");
  });

  it("re-keys every target under the new key: before, the new key finds nothing; after, it finds the old registrations", async () => {
    let handle = await openDb();
    try {
      const db = handle.db;
      const agency = await createAgency(db, { country: "RS" });
      const user = await createUser(db, { agencyId: agency.id });
      const op = await createOperation(db, { leadAgencyId: agency.id, members: [[user.id, "lead"]] });
      const actor = await actorOf(db, user.id);
      const old = servicesOver(handle, OLD_KEY);
      await old.deconfliction.registerTarget({ actor, operationId: op.id, input: { kind: "phone", value: { number: "064 765 4321" } } });
      await old.deconfliction.registerTarget({ actor, operationId: op.id, input: { kind: "email", value: { email: "Broker@Example.org" } } });
      const before = await servicesOver(handle, NEW_KEY).deconfliction.checkIdentifiers({ actor, input: { items: [{ kind: "phone", value: { number: "+381647654321" } }] } });
      expect(before.items[0]).toMatchObject({ ok: true, matches: [] });
    } finally {
      await closeDb(handle);
    }

    const unset = await runCli(["reindex-deconfliction"], { ...env, DECONFLICTION_SECRET: "" });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain("DECONFLICTION_SECRET is not set");
    const bad = await runCli(["reindex-deconfliction", "--batch-size", "0"], { ...env, DECONFLICTION_SECRET: NEW_KEY });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--batch-size:");

    const run = await runCli(["reindex-deconfliction", "--batch-size", "1"], { ...env, DECONFLICTION_SECRET: NEW_KEY });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Re-indexed 2 targets: \d+ keys in 2 batches, \d+ s\.$/m);
    expect(run.stderr).toContain("re-indexed 0 of 2 targets (0%)");
    expect(run.stderr).toContain("re-indexed 2 of 2 targets (100%)");

    handle = await openDb();
    try {
      const db = handle.db;
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "deconfliction.reindexed")).orderBy(desc(auditLog.id));
      expect(audit).toMatchObject({ actorId: null, actorLabel: "cli", details: { targets: 2, failed: 0, batches: 2, batchSize: 1 } });
      expect((await db.select().from(targetKeys)).length).toBe((audit!.details as { keys: number }).keys);
      const agency = await createAgency(db, { country: "AT" });
      const checker = await createUser(db, { agencyId: agency.id });
      const after = await servicesOver(handle, NEW_KEY).deconfliction.checkIdentifiers({
        actor: await actorOf(db, checker.id),
        input: { items: [{ kind: "phone", value: { number: "+381647654321" } }, { kind: "email", value: { email: "broker@example.org" } }] },
      });
      expect(after.items.map((i) => (i.ok ? i.matches.length : -1))).toEqual([1, 1]);
    } finally {
      await closeDb(handle);
    }
  });
});
