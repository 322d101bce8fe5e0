// Over HTTP: the bulk-check upload and mapping answer bad input with 400 and field
// errors; the planned-action form does the same; a check runs to the end in the app's worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";

let app: TestApp;
let cookie = "";
let opId = "";

beforeAll(async () => {
  app = await startTestApp();
  const db = app.testDb.db;
  const rs = await createAgency(db, { country: "RS" });
  const user = await createUser(db, { agencyId: rs.id });
  opId = (await createOperation(db, { leadAgencyId: rs.id, members: [[user.id, "lead"]] })).id;
  const other = await createUser(db);
  const theirOp = await createOperation(db, { members: [[other.id, "lead"]] });
  await app.services.deconfliction.registerTarget({ actor: await actorOf(db, other.id), operationId: theirOp.id, input: { kind: "phone", value: { number: "+381 64 765 4321" } } });
  cookie = await signInCookie(app, user.email);
}, 120_000);
afterAll(() => app?.close());

// ?_data= asks Remix for the action's JSON answer instead of the page
const DATA = { list: "routes%2Fdeconfliction.bulk", check: "routes%2Fdeconfliction.bulk.%24id", actions: "routes%2Foperations.%24id.actions" };

function upload(name: string, content: BlobPart, type = "text/csv", data = false) {
  const form = new FormData();
  form.append("file", new Blob([content], { type }), name);
  return client(app, cookie)(`/deconfliction/bulk${data ? `?_data=${DATA.list}` : ""}`, { method: "POST", body: form });
}

async function uploaded(csv: string) {
  const res = await upload("numbers.csv", csv);
  expect(res.status).toBe(302);
  return res.headers.get("location")!;
}

describe("bulk check over HTTP", () => {
  it("a file that is not CSV is a 400 with a field error on the file", async () => {
    const res = await upload("photo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "image/png", true);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ fieldErrors: { file: ["bulk:errors.not_csv"] }, formErrors: [] });
  });

  it("a mapping with no mappable column, and one naming a missing column, are 400s with field errors; nothing starts", async () => {
    const location = await uploaded("name;note\nMarko;x\n");
    const none = await client(app, cookie)(`${location}?_data=${DATA.check}`, { method: "POST", form: { hasHeader: "1", col_0: "ignore", col_1: "ignore" } });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ fieldErrors: { columns: ["bulk:errors.no_column"] } });
    const missing = await client(app, cookie)(`${location}?_data=${DATA.check}`, { method: "POST", form: { hasHeader: "1", col_0: "ignore", col_5: "phone" } });
    expect(missing.status).toBe(400);
    expect((await missing.json()).fieldErrors.columns[0]).toMatch(/^bulk:errors\.missing_column\|/);
    const page = await client(app, cookie)(location);
    expect(await page.text()).toContain("What is in each column?");
  });

  it("runs a mapped file in the app's worker to the end and offers the result as CSV", async () => {
    const location = await uploaded("msisdn\n064 765 4321\n+43 660 1111111\nabc\n");
    const start = await client(app, cookie)(location, { method: "POST", form: { hasHeader: "1", col_0: "phone", defaultCountry: "RS", operationId: opId } });
    expect(start.status).toBe(302);
    const id = location.split("/").pop()!;
    await expect
      .poll(async () => (await app.testDb.db.execute(`select status from bulk_checks where id = '${id}'`)) as unknown, { timeout: 30_000, interval: 200 })
      .toSatisfy((r: unknown) => JSON.stringify(r).includes('"done"'));
    const csv = await client(app, cookie)(`${location}/result.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("2,msisdn,064 765 4321,phone,hit");
    expect(text).toContain("4,msisdn,abc,phone,invalid");
  });
});

describe("planned actions over HTTP", () => {
  it("bad coordinates, radius and window are a 400 with field errors; nothing is registered", async () => {
    const res = await client(app, cookie)(`/operations/${opId}/actions?_data=${DATA.actions}`, {
      method: "POST",
      form: { intent: "register", kind: "raid", lat: "91", lon: "-181", radiusM: "100001", startsAt: "2031-01-01T10:00", endsAt: "2031-01-01T09:00" },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["endsAt", "lat", "lon", "radiusM"]);
    expect((await app.testDb.db.execute(`select count(*)::int as n from planned_actions where operation_id = '${opId}'`)) as unknown).toSatisfy((r: unknown) => JSON.stringify(r).includes('"n":0'));
  });
});
