// The command line as an operator runs it: a separate process over the same database.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client";
import { agencies, auditLog, users } from "../../db/schema/index";
import { defaultConfig } from "../../app/domain/context";
import { createEventBus } from "../../app/domain/events";
import { createServices } from "../../app/domain/services";
import { createTestDb, type TestDb } from "../setup/db";

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], opts: { env: Record<string, string>; stdin?: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/main.ts", ...args], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr: stderr.replace(/^npm warn.*\n/gm, "") }));
    child.stdin.end(opts.stdin ?? "");
  });
}

const servicesOver = (handle: DbHandle) => createServices({ db: handle.db, events: createEventBus(), now: () => new Date(), config: defaultConfig });

/** The same scenario against whichever database the environment gives the CLI. */
function commonScenario(env: () => Record<string, string>, openDb: () => Promise<DbHandle>, closeDb: (h: DbHandle) => Promise<void>) {
  const run = (args: string[], stdin?: string) => runCli(args, { env: env(), stdin });

  it("refuses bad input with the reasons and a non-zero exit, writing nothing", async () => {
    const bad = await run(["create-agency", "--name", "X", "--country", "QQ", "--kind", "army"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--country: Use the two-letter ISO country code");
    expect(bad.stderr).toContain("--kind: Choose one of the listed options.");
    expect(bad.stderr).toContain("--name: Enter at least 2 characters.");
    const unknownFlag = await run(["create-agency", "--nmae", "Typo"]);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("--nmae");
  });

  it("creates an agency, then a user whose password comes on stdin, who can then sign in", async () => {
    const agency = await run(["create-agency", "--name", "Bundeskriminalamt", "--country", "at", "--kind", "police"]);
    expect(agency.stderr).toBe("");
    expect(agency.code).toBe(0);
    expect(agency.stdout).toMatch(/Created agency "Bundeskriminalamt" \(AT, police\)/);

    const weak = await run(["create-user", "--email", "first.admin@example.org", "--name", "First Admin", "--agency", "Bundeskriminalamt", "--role", "admin"], "short\n");
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain("The password must have at least 12 characters.");

    const created = await run(
      ["create-user", "--email", "First.Admin@example.org", "--name", "First Admin", "--agency", "bundeskriminalamt", "--role", "admin", "--time-zone", "Europe/Vienna", "--locale", "de"],
      "a long operator passphrase\n",
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("Created user first.admin@example.org (admin)");

    const dup = await run(["create-user", "--email", "first.admin@example.org", "--name", "Again", "--agency", "Bundeskriminalamt", "--role", "officer"], "another long passphrase\n");
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain("A user with this e-mail address already exists.");

    const handle = await openDb();
    try {
      const services = servicesOver(handle);
      const r = await services.auth.signIn({ input: { email: "first.admin@example.org", password: "a long operator passphrase" }, ip: null, userAgent: null });
      expect(r.ok).toBe(true);
      // the refused attempts left nothing behind: one agency, one user
      expect(await handle.db.select().from(agencies)).toHaveLength(1);
      expect(await handle.db.select().from(users)).toHaveLength(1);
      const rows = await handle.db.select().from(users).where(eq(users.email, "first.admin@example.org"));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ officeRole: "admin", timeZone: "Europe/Vienna", locale: "de" });
      const [audit] = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "user.created"), eq(auditLog.targetId, rows[0]!.id)))
        .orderBy(desc(auditLog.id));
      expect(audit).toMatchObject({ actorId: null, actorLabel: "cli" });
    } finally {
      await closeDb(handle);
    }
  });

  it("lists, refuses to disable the last administrator, and verifies the audit chain", async () => {
    const list = await run(["list-users"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/first\.admin@example\.org\s+First Admin\s+admin\s+active\s+AT Bundeskriminalamt/);
    const listed = await run(["list-agencies", "--country", "AT"]);
    expect(listed.stdout).toContain("Bundeskriminalamt");

    const last = await run(["disable-user", "--email", "first.admin@example.org"]);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain("This is the last active administrator.");
    const nobody = await run(["unlock", "--email", "nobody@example.org"]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("No user with the e-mail address nobody@example.org.");

    const verify = await run(["audit-verify"]);
    expect(verify.stderr).toBe("");
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^audit chain intact: [1-9]\d* rows$/m);
  });
}

// each run starts a process (tsx, then the database and its migrations): slow on a busy machine
describe("command line over the embedded database (PGlite)", { timeout: 240_000 }, () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: "" });
  const openDb = () => createDb({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "concordia-cli-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("prints help listing every command and its flags, without touching the database", async () => {
    const help = await runCli(["--help"], { env: env() });
    expect(help.code).toBe(0);
    for (const c of ["create-agency", "create-user", "reset-password", "unlock", "disable-user", "enable-user", "list-users", "list-agencies", "audit-verify", "audit-witness"]) {
      expect(help.stdout).toContain(`  ${c}\n`);
    }
    expect(help.stdout).toContain("create-agency first on an empty installation");
    expect(help.stdout).toContain("--time-zone");
    const unknown = await runCli(["frobnicate"], { env: env() });
    expect(unknown.code).toBe(2);
  });

  commonScenario(env, openDb, (h) => h.close());

  it("reset-password reads the new password from stdin", async () => {
    const r = await runCli(["reset-password", "--email", "first.admin@example.org"], { env: env(), stdin: "a different passphrase\n" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const handle = await openDb();
    try {
      const services = servicesOver(handle);
      expect((await services.auth.signIn({ input: { email: "first.admin@example.org", password: "a different passphrase" }, ip: null, userAgent: null })).ok).toBe(true);
      const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "auth.password_reset")).orderBy(desc(auditLog.id));
      expect(audit).toMatchObject({ actorLabel: "cli", details: { method: "set_directly" } });
    } finally {
      await handle.close();
    }
  });

  it("audit-witness copies the chain's head to a file that audit-verify --witness then checks", async () => {
    const witness = path.join(dataDir, "witness.jsonl");
    const w = await runCli(["audit-witness", "--file", witness], { env: env() });
    expect(w.stderr).toBe("");
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/^witnessed row \d+ \([0-9a-f]{16}…\) in /);
    const v = await runCli(["audit-verify", "--witness", witness], { env: env() });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^audit chain intact: \d+ rows, 1 witnessed heads match$/m);
    const none = await runCli(["audit-witness"], { env: { ...env(), AUDIT_WITNESS_FILE: "" } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--file: give a file, or set AUDIT_WITNESS_FILE");
  });

  it("audit-verify exits 1 and names the first bad row when a row was altered", async () => {
    const handle = await openDb();
    let alteredId: number;
    try {
      // bypassing the append-only trigger, as someone with direct database access could
      const [row] = await handle.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id).limit(1);
      alteredId = row!.id;
      await handle.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await handle.db.execute(sql`update audit_log set actor_label = 'someone else' where id = ${alteredId}`);
      await handle.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    } finally {
      await handle.close();
    }
    const r = await runCli(["audit-verify"], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`row ${alteredId}`);
    expect(r.stderr).toContain("altered");
  });

  it("refuses to open the embedded database while another process has it open", async () => {
    const handle = await openDb();
    try {
      const r = await runCli(["list-users"], { env: env() });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("The embedded database is in use by a running Concordia server: stop it first, or use DATABASE_URL");
    } finally {
      await handle.close();
    }
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))("command line over PostgreSQL (DATABASE_URL)", { timeout: 240_000 }, () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb?.destroy());
  commonScenario(
    () => ({ DATABASE_URL: testDb.url! }),
    async () => testDb,
    async () => {},
  );
});
