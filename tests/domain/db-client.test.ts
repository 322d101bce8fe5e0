import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, dbConfigFromEnv } from "../../db/client";
import { agencies, operations, users } from "../../db/schema/index";
import { defaultConfig } from "../../app/domain/context";
import { createEventBus } from "../../app/domain/events";
import { seedDemoIfEmpty } from "../../app/server/seed";
import { createUser } from "../factories/index";

describe("createDb", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "concordia-pglite-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("picks PGlite without DATABASE_URL and postgres.js with it", () => {
    expect(dbConfigFromEnv({ DATA_DIR: dir })).toEqual({ kind: "pglite", dataDir: path.join(dir, "pglite") });
    expect(dbConfigFromEnv({ DATABASE_URL: "postgres://x@h/db" })).toEqual({ kind: "postgres", url: "postgres://x@h/db" });
  });

  it("keeps embedded data across a restart, with the extensions later features need", async () => {
    const first = await createDb({ kind: "pglite", dataDir: dir });
    await first.migrate();
    const [a] = await first.db.insert(agencies).values({ name: "Persisted", country: "RS", kind: "police" }).returning();
    const ext = await first.db.execute("select extname from pg_extension order by 1");
    const names = ((ext as unknown as { rows: { extname: string }[] }).rows ?? []).map((r) => r.extname);
    expect(names).toEqual(expect.arrayContaining(["pg_trgm", "fuzzystrmatch", "cube", "earthdistance"]));
    await first.close();

    const second = await createDb({ kind: "pglite", dataDir: dir });
    await second.migrate(); // idempotent
    const rows = await second.db.select().from(agencies).where(eq(agencies.id, a!.id));
    expect(rows[0]?.name).toBe("Persisted");
    expect(await second.ping()).toBe(true);
    await second.close();
  });
});

describe("demo seed", () => {
  it("seeds an empty database once, and never one that has users", async () => {
    const h = await createDb({ kind: "pglite" });
    await h.migrate();
    const deps = { db: h.db, events: createEventBus(), now: () => new Date(), config: defaultConfig };
    const report = await seedDemoIfEmpty(deps);
    expect(report.seeded).toBe(true);
    const countries = new Set((await h.db.select({ c: agencies.country }).from(agencies)).map((r) => r.c));
    for (const c of ["AT", "HU", "RS", "MK", "AL", "GR"]) expect(countries.has(c)).toBe(true);
    const kinds = new Set((await h.db.select({ k: agencies.kind }).from(agencies)).map((r) => r.k));
    expect(kinds.has("international_organisation")).toBe(true);
    expect(kinds.has("ngo_partner")).toBe(true);
    const roles = new Set((await h.db.select({ r: users.officeRole }).from(users)).map((r) => r.r));
    expect([...roles].sort()).toEqual(["admin", "analyst", "liaison_officer", "ngo_partner", "office_lead", "officer"]);
    expect((await h.db.select({ n: count() }).from(operations))[0]!.n).toBe(2);
    expect((await seedDemoIfEmpty(deps)).seeded).toBe(false);
    await h.close();

    const other = await createDb({ kind: "pglite" });
    await other.migrate();
    await createUser(other.db);
    expect((await seedDemoIfEmpty({ ...deps, db: other.db })).seeded).toBe(false);
    expect((await other.db.select({ n: count() }).from(operations))[0]!.n).toBe(0);
    await other.close();
  });
});

describe("embedded database lock", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "concordia-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second opener of the same directory while the first is open, and frees it on close", async () => {
    const { DatabaseInUseError } = await import("../../db/client");
    const first = await createDb({ kind: "pglite", dataDir: dir });
    await expect(createDb({ kind: "pglite", dataDir: dir })).rejects.toBeInstanceOf(DatabaseInUseError);
    await first.close();
    const again = await createDb({ kind: "pglite", dataDir: dir });
    await again.close();
  });

  it("takes over a lock left by a process that died", async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dir}.lock`, "999999999");
    const h = await createDb({ kind: "pglite", dataDir: dir });
    await h.close();
  });
});
