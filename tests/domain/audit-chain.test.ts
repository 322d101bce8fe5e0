import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index";
import { AuditSqlInteger, literal, recordAudit, rowsOf } from "../../app/domain/audit/record-audit";
import { canonicalJson, chainHash } from "../../app/domain/audit/chain";
import { verifyAuditChain } from "../../app/domain/audit/verify-chain";
import { createDb } from "../../db/client";
import { systemActor } from "../../app/domain/context";
import { createTestServices, type TestServices } from "../setup/services";

describe("canonicalJson", () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [1, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[1,{"y":2,"z":1}]}}'],
    [{ a: undefined, b: "x" }, '{"b":"x"}'],
    [[3, "a"], '[3,"a"]'],
  ])("%j -> %s", (input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });
});

describe("audit hash chain", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
    const actor = systemActor("test");
    for (let i = 0; i < 5; i++) {
      await t.testDb.db.transaction((tx) =>
        recordAudit(tx, actor, new Date(), { action: "user.updated", targetType: "user", targetId: `u${i}`, details: { i, nested: { b: 1, a: "x" } } }),
      );
    }
  });
  afterAll(() => t.testDb.destroy());

  it("reports an intact chain", async () => {
    const report = await verifyAuditChain(t.testDb.db);
    expect(report).toEqual({ intact: true, rows: 5, lastId: expect.any(Number), witnessed: 0 });
  });

  it("refuses updates and deletes in the database itself", async () => {
    const appendOnly = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(t.testDb.db.execute(sql`update audit_log set action = 'x'`)).rejects.toMatchObject(appendOnly);
    await expect(t.testDb.db.execute(sql`delete from audit_log`)).rejects.toMatchObject(appendOnly);
  });

  it("rolls back with the change it records", async () => {
    const before = (await t.testDb.db.select().from(auditLog)).length;
    await expect(
      t.testDb.db.transaction(async (tx) => {
        await recordAudit(tx, systemActor("test"), new Date(), { action: "user.updated" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await t.testDb.db.select().from(auditLog)).length).toBe(before);
    expect((await verifyAuditChain(t.testDb.db)).intact).toBe(true);
  });

  it("detects a row altered directly in the database, and a deleted row", async () => {
    const rows = await t.testDb.db.select().from(auditLog).orderBy(asc(auditLog.id));
    const victim = rows[2]!;
    // tampering as a superuser would: switch the guard off, change a row, switch it on again
    await t.testDb.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.testDb.db.execute(sql`update audit_log set details = '{"i": 99}'::jsonb where id = ${victim.id}`);
    let report = await verifyAuditChain(t.testDb.db);
    expect(report).toMatchObject({ intact: false, firstBadId: victim.id, problem: "altered" });

    await t.testDb.db.execute(sql`update audit_log set details = ${JSON.stringify(victim.details)}::jsonb where id = ${victim.id}`);
    expect((await verifyAuditChain(t.testDb.db)).intact).toBe(true);

    await t.testDb.db.execute(sql`delete from audit_log where id = ${rows[1]!.id}`);
    await t.testDb.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    report = await verifyAuditChain(t.testDb.db);
    expect(report).toMatchObject({ intact: false, firstBadId: rows[2]!.id, problem: "deleted_or_inserted" });
  });
});

describe("audit hash chain under concurrent writers", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  it("chains every row to the one committed before it, whatever the interleaving", async () => {
    // on PostgreSQL a second connection pool stands for a second app process
    const other = t.testDb.url ? await createDb({ kind: "postgres", url: t.testDb.url, max: 3 }) : null;
    try {
      const dbs = other ? [t.testDb.db, other.db] : [t.testDb.db];
      const actor = systemActor("test");
      const writes = Array.from({ length: 40 }, (_, i) =>
        dbs[i % dbs.length]!.transaction(async (tx) => {
          const first = await recordAudit(tx, actor, new Date(), { action: "user.updated", targetType: "user", targetId: `w${i}`, details: { i, text: "ünïcode \" \\ \n" } });
          // some writers append twice in one transaction, one more statement in between
          await tx.execute(sql`select 1`);
          if (i % 3 === 0) await recordAudit(tx, actor, new Date(), { action: "user.updated", targetType: "user", targetId: `w${i}b`, details: { i, second: true } });
          return first;
        }),
      );
      const ids = await Promise.all(writes);
      expect(new Set(ids).size).toBe(40);
      const rows = await t.testDb.db.select().from(auditLog).orderBy(asc(auditLog.id));
      expect(rows).toHaveLength(40 + 14);
      expect(await verifyAuditChain(t.testDb.db)).toMatchObject({ intact: true, rows: 54, lastId: rows.at(-1)!.id });
    } finally {
      await other?.close();
    }
  });

  it("writes the same hash as chainHash computes", async () => {
    const when = new Date("2026-01-02T03:04:05.678Z");
    const id = await t.testDb.db.transaction((tx) =>
      recordAudit(tx, { ...systemActor("test"), ip: "203.0.113.9" }, when, { action: "user.updated", targetId: "x", details: { z: [1, { b: null }], a: "é" } }),
    );
    const [row] = await t.testDb.db.select().from(auditLog).where(sql`${auditLog.id} = ${id}`);
    expect(row!.hash).toBe(chainHash(row!.prevHash, { ...row!, at: when }));
  });
});

describe("audit values the database fills in", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  it("stores and hashes them as if they had been passed in", async () => {
    const when = new Date("2026-03-04T05:06:07.089Z");
    const id = await t.testDb.db.transaction((tx) =>
      recordAudit(tx, systemActor("test"), when, {
        action: "user.updated",
        details: { a: "x", n: new AuditSqlInteger(sql`(select 40 + 2)`), m: new AuditSqlInteger(sql`(select -7)`), z: [1] },
      }),
    );
    const [row] = await t.testDb.db.select().from(auditLog).where(sql`${auditLog.id} = ${id}`);
    expect(row!.details).toEqual({ a: "x", n: 42, m: -7, z: [1] });
    expect(row!.hash).toBe(chainHash(row!.prevHash, { ...row!, at: when }));
    expect((await verifyAuditChain(t.testDb.db)).intact).toBe(true);
  });
});

describe("values written into the statement", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  it.each(["plain", "it's", "back\\slash \\' quote", "\\\\'; drop table audit_log; --", "ünïcödé 🚓", ""])("round-trips %j", async (text) => {
    const rows = await t.testDb.db.execute(sql`select ${literal(text)}::text as v`);
    expect((rowsOf<{ v: string }>(rows))[0]!.v).toBe(text);
  });

  it("refuses a NUL character", () => {
    expect(() => literal("a\u0000b")).toThrow(RangeError);
  });
});
