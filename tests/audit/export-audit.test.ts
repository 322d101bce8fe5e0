import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index";
import { csvCell, csvLine } from "../../app/domain/audit/csv";
import { AUDIT_CSV_HEADER } from "../../app/domain/audit/export-audit";
import { recordAudit } from "../../app/domain/audit/record-audit";
import type { Actor } from "../../app/domain/context";
import { actorOf, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

/** A small RFC 4180 reader, so the test checks what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+43 1 234", "'+43 1 234"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    [null, ""],
    [42, "42"],
    [{ a: "x,y" }, '"{""a"":""x,y""}"'],
  ])("%j -> %s", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe("exportAudit", () => {
  let t: TestServices;
  let lead: Actor;
  let mallory: Actor;
  let opHidden: { id: string };

  beforeAll(async () => {
    t = await createTestServices();
    const db = t.testDb.db;
    lead = await actorOf(db, (await createUser(db, { role: "office_lead" })).id);
    const m = await createUser(db, { name: "=cmd|' /C calc'!A0", email: "mallory@example.test" });
    mallory = { ...(await actorOf(db, m.id)), ip: "203.0.113.9" };
    opHidden = await createOperation(db, { codeName: "GREY WOLF" });
    await db.transaction((tx) =>
      recordAudit(tx, mallory, new Date("2026-04-01T09:15:00Z"), {
        action: "user.updated",
        targetType: "user",
        targetId: m.id,
        details: { note: 'comma, "quote"\nnewline', formula: "=1+1" },
      })
    );
    await db.transaction((tx) =>
      recordAudit(tx, mallory, new Date("2026-04-02T09:15:00Z"), { action: "operation.updated", operationId: opHidden.id, details: { codeName: "GREY WOLF" } })
    );
  });
  afterAll(() => t.testDb.destroy());

  it("exports the filtered rows as escaped CSV with times in UTC, and audits the export", async () => {
    const out = await t.services.audit.exportCsv({ actor: lead, input: { actor: mallory.id }, timeZone: "Europe/Athens" });
    expect(out.rows).toBe(2);
    expect(out.truncated).toBe(false);
    expect(out.filename).toMatch(/^concordia-audit-\d{8}-\d{6}Z\.csv$/);
    expect(out.csv.startsWith("\uFEFF")).toBe(true);
    const table = parseCsv(out.csv.slice(1));
    expect(table[0]).toEqual([...AUDIT_CSV_HEADER]);
    expect(table).toHaveLength(3);
    const col = (name: (typeof AUDIT_CSV_HEADER)[number]) => AUDIT_CSV_HEADER.indexOf(name);
    const [, newest, oldest] = table as [string[], string[], string[]];

    expect(oldest[col("time_utc")]).toBe("2026-04-01T09:15:00.000Z");
    expect(oldest[col("action")]).toBe("user.updated");
    expect(oldest[col("actor")]).toBe("'=cmd|' /C calc'!A0 <mallory@example.test>");
    expect(oldest[col("ip")]).toBe("203.0.113.9");
    expect(JSON.parse(oldest[col("details")]!)).toEqual({ note: 'comma, "quote"\nnewline', formula: "=1+1" });

    // need-to-know: the lead is not a member of GREY WOLF
    expect(newest[col("operation")]).toBe("");
    expect(newest[col("operation_ref")]).toBe(`#${opHidden.id.replace(/-/g, "").slice(0, 8)}`);
    expect(newest[col("details")]).toBe("[withheld: operation content]");
    expect(out.csv).not.toContain("GREY WOLF");

    const row = (await t.testDb.db.select().from(auditLog).where(eq(auditLog.action, "audit.exported")).orderBy(desc(auditLog.id)).limit(1))[0];
    expect(row).toMatchObject({ actorId: lead.id, outcome: "success", details: { format: "csv", rows: 2, truncated: false, filters: { actor: mallory.id } } });
  });

  it("ends every line with CRLF, a header only when nothing matches", async () => {
    const out = await t.services.audit.exportCsv({ actor: lead, input: { actor: "nobody" } });
    expect(out.rows).toBe(0);
    expect(out.csv).toBe(`\uFEFF${csvLine([...AUDIT_CSV_HEADER])}\r\n`);
  });
});
