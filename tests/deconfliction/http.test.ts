// The deconfliction pages over plain HTTP: targets tab, target page, just checking,
// the hit list and a hit's workflow, and the office's matcher settings.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, deconflictionSettings, hits, targets, users } from "../../db/schema/index";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";

let app: TestApp;
const db = () => app.testDb.db;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const as = async (u: { email: string }) => client(app, await signInCookie(app, u.email));
const data = (route: string) => `_data=${encodeURIComponent(route)}`;
const TARGETS = "routes/operations.$id.targets._index";
const TARGET = "routes/operations.$id.targets.$targetId";

let seq = 0;
const phone = () => `+38164${String(2_000_000 + ++seq).padStart(7, "0")}`;
const national = (e164: string) => `0${e164.slice(4)}`;

/** Two operations of two agencies (RS and AT), one officer each, plus an observer and an outsider. */
async function twoOperations() {
  const rs = await createAgency(db(), { country: "RS", name: `MUP Srbije ${++seq}` });
  const at = await createAgency(db(), { country: "AT", name: `BKA ${seq}` });
  const a = await createUser(db(), { agencyId: rs.id, name: `Jelena Marković ${seq}` });
  const b = await createUser(db(), { agencyId: at.id, name: `Lukas Huber ${seq}` });
  await db().update(users).set({ phone: "+43 1 24836 0" }).where(eq(users.id, b.id));
  const colleague = await createUser(db(), { agencyId: rs.id });
  const observer = await createUser(db(), { agencyId: rs.id });
  const outsider = await createUser(db());
  const opA = await createOperation(db(), { leadAgencyId: rs.id, codeName: `DANUBE ${seq}`, members: [[a.id, "lead"], [colleague.id, "member"], [observer.id, "observer"]] });
  const opB = await createOperation(db(), { leadAgencyId: at.id, codeName: `ALPENROSE ${seq}`, members: [[b.id, "member"]] });
  return { rs, at, a, b, colleague, observer, outsider, opA, opB };
}

describe("targets tab", () => {
  it("registers a phone and answers with the automatic check: the other officer's contact, nothing about the other operation", async () => {
    const { a, b, opA, opB } = await twoOperations();
    const number = phone();
    await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), b.id), operationId: opB.id, input: { kind: "phone", value: { number }, note: "Informant says courier" } });
    const http = await as(a);
    const res = await http(`/operations/${opA.id}/targets?index&${data(TARGETS)}`, { method: "POST", form: { kind: "phone", "value.number": national(number), note: "Seen at the border", handlingCode: "H2" } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, result: { target: { kind: "phone", alreadyRegistered: false }, newHitIds: [expect.any(String)] } });
    expect(body.result.matches).toEqual([{ score: 1, reasons: [{ code: "same_identifier" }], registeredAt: expect.any(String), contact: { name: b.name, agency: expect.stringContaining("BKA"), country: "AT", phone: "+43 1 24836 0", email: b.email } }]);
    const text = JSON.stringify(body);
    for (const secret of [opB.codeName, opB.id, "Informant says courier"]) expect(text).not.toContain(secret);

    const [row] = await db().select().from(targets).where(eq(targets.operationId, opA.id));
    expect(row).toMatchObject({ kind: "phone", handlingCode: "H2", note: "Seen at the border", registeredBy: a.id });

    // the list shows it with its badge, registrant and hit count
    const html = await (await http(`/operations/${opA.id}/targets`)).text();
    expect(html).toContain(row!.display);
    expect(html).toContain(">H2<");
    expect(html).toContain(a.name);
    expect(html).toContain("1 hit");
    expect(html).not.toContain(opB.codeName);
  });

  it("refuses bad input field by field with 400 and stores nothing", async () => {
    const { a, opA } = await twoOperations();
    const http = await as(a);
    const post = (form: Record<string, string>) => http(`/operations/${opA.id}/targets?index&${data(TARGETS)}`, { method: "POST", form });

    const bad = await post({ kind: "phone", "value.number": "12ab" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ value: ["deconfliction:errors.phone_invalid_characters"] });

    const person = await post({ kind: "person", "value.name": "", "value.dateOfBirth": "1990-02-31", "value.birthYear": "1850" });
    expect(person.status).toBe(400);
    const fields = (await person.json()).fieldErrors;
    expect(fields["value.names"]).toEqual(["deconfliction:errors.person_name_required"]);
    expect(fields["value.dateOfBirth"]).toEqual(["deconfliction:errors.date_of_birth_invalid"]);
    expect(fields["value.birthYear"]).toContain("deconfliction:errors.birth_year_invalid");

    const iban = await post({ kind: "iban", "value.iban": "RS35 2600 0560 1001 6113 78" });
    expect((await iban.json()).fieldErrors).toEqual({ value: ["deconfliction:errors.iban_checksum"] });

    const kind = await post({ kind: "horse", "value.number": "+381641234567" });
    expect(kind.status).toBe(400);
    expect(Object.keys((await kind.json()).fieldErrors)).toEqual(["kind"]);

    const handling = await post({ kind: "phone", "value.number": "+381641234567", handlingCode: "H9" });
    expect(handling.status).toBe(400);
    expect(Object.keys((await handling.json()).fieldErrors)).toEqual(["handlingCode"]);

    // the page itself shows the translated message next to the field
    const page = await http(`/operations/${opA.id}/targets?index`, { method: "POST", form: { kind: "phone", "value.number": "12ab" } });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("A phone number has only digits, spaces, +, brackets and dashes.");

    expect(await db().select().from(targets).where(eq(targets.operationId, opA.id))).toEqual([]);
  });

  it("filters by kind and free text, and pages", async () => {
    const { a, opA } = await twoOperations();
    const actor = await actorOf(db(), a.id);
    await app.services.deconfliction.registerTarget({ actor, operationId: opA.id, input: { kind: "email", value: { email: "courier.smuggler@example.org" }, note: "from the seized phone" } });
    await app.services.deconfliction.registerTarget({ actor, operationId: opA.id, input: { kind: "vehicle_plate", value: { plate: "BG 123-AB", country: "RS" } } });
    const http = await as(a);
    const byKind = await (await http(`/operations/${opA.id}/targets?kind=email`)).text();
    expect(byKind).toContain("courier.smuggler@example.org");
    expect(byKind).not.toContain("BG123AB");
    const byText = await (await http(`/operations/${opA.id}/targets?q=seized`)).text();
    expect(byText).toContain("courier.smuggler@example.org");
    const none = await (await http(`/operations/${opA.id}/targets?q=nothing-like-this`)).text();
    expect(none).toContain("No target matches these filters");
    // a stale bookmark's unknown filter lists everything rather than failing
    const unknown = await http(`/operations/${opA.id}/targets?kind=horse&page=x`);
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain("courier.smuggler@example.org");
  });

  it("answers 404 to non-members, reading or registering, and registers nothing", async () => {
    const { outsider, opA } = await twoOperations();
    const http = await as(outsider);
    expect((await http(`/operations/${opA.id}/targets`)).status).toBe(404);
    const post = await http(`/operations/${opA.id}/targets?index`, { method: "POST", form: { kind: "phone", "value.number": phone() } });
    expect(post.status).toBe(404);
    expect((await http(`/operations/not-a-uuid/targets`)).status).toBe(404);
    expect(await db().select().from(targets).where(eq(targets.operationId, opA.id))).toEqual([]);
  });

  it("is read-only for observers and once the agreement has expired", async () => {
    const { a, observer, opA } = await twoOperations();
    const obs = await as(observer);
    const page = await (await obs(`/operations/${opA.id}/targets`)).text();
    expect(page).toContain("targets can be read, not registered or changed");
    expect(page).not.toContain("Register and check");
    const refused = await obs(`/operations/${opA.id}/targets?index&${data(TARGETS)}`, { method: "POST", form: { kind: "phone", "value.number": phone() } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).formErrors).toEqual(["deconfliction:errors.read_only"]);

    const expired = await createOperation(db(), { jitStart: "2000-01-01", jitEnd: "2001-01-01", members: [[a.id, "lead"]] });
    const lead = await as(a);
    const late = await lead(`/operations/${expired.id}/targets?index&${data(TARGETS)}`, { method: "POST", form: { kind: "phone", "value.number": phone() } });
    expect(late.status).toBe(403);
    expect(await db().select().from(targets).where(eq(targets.operationId, expired.id))).toEqual([]);
  });
});

describe("target page", () => {
  it("logs who read it, shows its hits, and answers 404 outside the operation", async () => {
    const { a, b, outsider, opA, opB } = await twoOperations();
    const number = phone();
    const mine = await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), a.id), operationId: opA.id, input: { kind: "phone", value: { number }, note: "Our note" } });
    await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), b.id), operationId: opB.id, input: { kind: "phone", value: { number }, note: "Their note" } });
    const http = await as(a);
    const res = await http(`/operations/${opA.id}/targets/${mine.target.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Our note");
    expect(html).toContain(b.name);
    for (const secret of ["Their note", opB.codeName]) expect(html).not.toContain(secret);
    const viewed = await db().select().from(auditLog).where(and(eq(auditLog.action, "target.viewed"), eq(auditLog.targetId, mine.target.id)));
    expect(viewed.map((r) => [r.actorId, r.operationId])).toEqual([[a.id, opA.id]]);

    // the other side cannot open it through its own operation, nor can an outsider
    expect((await (await as(b))(`/operations/${opB.id}/targets/${mine.target.id}`)).status).toBe(404);
    expect((await (await as(b))(`/operations/${opA.id}/targets/${mine.target.id}`)).status).toBe(404);
    expect((await (await as(outsider))(`/operations/${opA.id}/targets/${mine.target.id}`)).status).toBe(404);
    expect((await http(`/operations/${opA.id}/targets/nope`)).status).toBe(404);
  });

  it("edits: re-indexed and checked again, stale forms get 409, bad values 400 with nothing changed", async () => {
    const { a, b, colleague, opA, opB } = await twoOperations();
    const theirs = phone();
    await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), b.id), operationId: opB.id, input: { kind: "phone", value: { number: theirs } } });
    const mine = await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), a.id), operationId: opA.id, input: { kind: "phone", value: { number: phone() } } });
    expect(mine.matches).toEqual([]);
    const view = await app.services.deconfliction.viewTarget({ actor: await actorOf(db(), a.id), operationId: opA.id, input: { targetId: mine.target.id } });
    const http = await as(a);
    const url = `/operations/${opA.id}/targets/${mine.target.id}?${data(TARGET)}`;

    const bad = await http(url, { method: "POST", form: { intent: "update", kind: "phone", version: view.target.version, "value.number": "+999" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ value: ["deconfliction:errors.phone_invalid"] });
    expect((await db().select().from(targets).where(eq(targets.id, mine.target.id)))[0]!.display).toBe(mine.target.display);

    // a colleague who did not register it may not change it (the lead or the registrant may)
    const other = await (await as(colleague))(url, { method: "POST", form: { intent: "update", kind: "phone", version: view.target.version, "value.number": theirs } });
    expect(other.status).toBe(403);
    expect((await other.json()).formErrors).toEqual(["deconfliction:errors.not_registrant"]);

    const ok = await http(url, { method: "POST", form: { intent: "update", kind: "phone", version: view.target.version, "value.number": national(theirs), note: "corrected", handlingCode: "H1" } });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.result.matches).toHaveLength(1);
    expect(body.result.newHitIds).toHaveLength(1);
    const [row] = await db().select().from(targets).where(eq(targets.id, mine.target.id));
    expect(row).toMatchObject({ note: "corrected", handlingCode: "H1" });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "target.updated"), eq(auditLog.targetId, mine.target.id)));
    expect(audit!.details).toMatchObject({ kind: "phone", valueChanged: true, noteChanged: true, handlingCode: { from: "H0", to: "H1" }, newHits: 1 });
    expect(JSON.stringify(audit!.details)).not.toContain(theirs.slice(4));

    // the form loaded before that save is now stale
    const stale = await http(url, { method: "POST", form: { intent: "update", kind: "phone", version: view.target.version, "value.number": theirs, note: "mine wins" } });
    expect(stale.status).toBe(409);
    expect((await stale.json()).formErrors).toEqual(["deconfliction:errors.target_changed"]);
    expect((await db().select().from(targets).where(eq(targets.id, mine.target.id)))[0]!.note).toBe("corrected");
  });

  it("deletes a target that met nobody; keeps one with hits (409)", async () => {
    const { a, b, opA, opB } = await twoOperations();
    const number = phone();
    const met = await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), a.id), operationId: opA.id, input: { kind: "phone", value: { number } } });
    await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), b.id), operationId: opB.id, input: { kind: "phone", value: { number } } });
    const alone = await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), a.id), operationId: opA.id, input: { kind: "email", value: { email: `alone${seq}@example.org` } } });
    const http = await as(a);

    const kept = await http(`/operations/${opA.id}/targets/${met.target.id}?${data(TARGET)}`, { method: "POST", form: { intent: "delete" } });
    expect(kept.status).toBe(409);
    expect((await kept.json()).formErrors).toEqual(["deconfliction:errors.target_has_hits"]);
    expect(await db().select().from(targets).where(eq(targets.id, met.target.id))).toHaveLength(1);
    expect(await db().select().from(hits).where(eq(hits.bTargetId, met.target.id))).toHaveLength(1);

    const gone = await http(`/operations/${opA.id}/targets/${alone.target.id}`, { method: "POST", form: { intent: "delete" } });
    expect(gone.status).toBe(302);
    expect(gone.headers.get("location")).toBe(`/operations/${opA.id}/targets?deleted=1`);
    expect(await (await http(gone.headers.get("location")!)).text()).toContain("The target was deleted.");
    expect(await db().select().from(targets).where(eq(targets.id, alone.target.id))).toEqual([]);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "target.deleted"), eq(auditLog.targetId, alone.target.id)));
    expect(audit).toMatchObject({ actorId: a.id, operationId: opA.id, details: { kind: "email", handlingCode: "H0" } });
  });
});

describe("just checking", () => {
  it("checks one identifier without storing it: matches with score, reasons and contact; the check is logged", async () => {
    const { a, b, opB } = await twoOperations();
    await app.services.deconfliction.registerTarget({
      actor: await actorOf(db(), b.id),
      operationId: opB.id,
      input: { kind: "person", value: { names: ["Мохамед Ал-Хасан"], dateOfBirth: "1988-04-12", nationality: "SY" }, note: "Hidden" },
    });
    const before = (await db().select().from(targets)).length;
    const http = await as(a);
    const res = await http(`/deconfliction/check?${data("routes/deconfliction.check")}`, {
      method: "POST",
      form: { kind: "person", "value.name": "Mohamed Al Hassan", "value.dateOfBirth": "1988-04-12", "value.nationality": "SY" },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.matches).toHaveLength(1);
    expect(body.matches[0]).toMatchObject({ contact: { name: b.name, email: b.email } });
    expect(body.matches[0].score).toBeGreaterThan(0.85);
    expect(JSON.stringify(body)).not.toMatch(new RegExp(`${opB.codeName}|Hidden|Мохамед`));
    expect((await db().select().from(targets)).length).toBe(before);
    const logged = await db().select().from(auditLog).where(and(eq(auditLog.action, "target.checked"), eq(auditLog.actorId, a.id)));
    expect(logged).toHaveLength(1);

    // the page renders the reasons in words
    const html = await (
      await http(`/deconfliction/check`, { method: "POST", form: { kind: "person", "value.name": "Mohamed Al Hassan", "value.dateOfBirth": "1988-04-12", "value.nationality": "SY" } })
    ).text();
    expect(html).toMatch(/names \d\.\d\d (after transliteration|as variants of one name|identical|with a spelling difference); same date of birth/);
  });

  it("answers 400 with field errors, and 403 to NGO partners", async () => {
    const { a } = await twoOperations();
    const http = await as(a);
    const bad = await http(`/deconfliction/check?${data("routes/deconfliction.check")}`, { method: "POST", form: { kind: "imei", "value.imei": "35-209900-176148-2" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ value: ["deconfliction:errors.imei_check_digit"] });
    const noKind = await http(`/deconfliction/check?${data("routes/deconfliction.check")}`, { method: "POST", form: { kind: "", "value.imei": "1" } });
    expect(noKind.status).toBe(400);
    const ngo = await createUser(db(), { role: "ngo_partner" });
    const partner = await as(ngo);
    expect((await partner(`/deconfliction/check`)).status).toBe(403);
    expect((await partner(`/deconfliction/check`, { method: "POST", form: { kind: "phone", "value.number": phone() } })).status).toBe(403);
  });
});

describe("hits", () => {
  async function hitFixture() {
    const f = await twoOperations();
    const number = phone();
    await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), f.a.id), operationId: f.opA.id, input: { kind: "phone", value: { number }, note: "A's secret" } });
    const second = await app.services.deconfliction.registerTarget({ actor: await actorOf(db(), f.b.id), operationId: f.opB.id, input: { kind: "phone", value: { number: `00${number.slice(1)}` }, note: "B's secret" } });
    return { ...f, hitId: second.newHitIds[0]!, targetB: second.target };
  }

  it("lists open hits oldest first with filters; NGO partners get 403", async () => {
    const { a, opA, hitId } = await hitFixture();
    const http = await as(a);
    const html = await (await http(`/deconfliction`)).text();
    expect(html).toContain(`data-hit-id="${hitId}"`);
    expect(html).toContain(opA.codeName);
    expect(await (await http(`/deconfliction?status=resolved`)).text()).not.toContain(`data-hit-id="${hitId}"`);
    expect(await (await http(`/deconfliction?kind=email`)).text()).not.toContain(`data-hit-id="${hitId}"`);
    expect(await (await http(`/deconfliction?kind=phone&operation=${opA.id}`)).text()).toContain(`data-hit-id="${hitId}"`);
    // a bookmark with an unknown filter shows the default list
    expect(await (await http(`/deconfliction?status=bogus&operation=x`)).text()).toContain(`data-hit-id="${hitId}"`);
    const ngo = await createUser(db(), { role: "ngo_partner" });
    expect((await (await as(ngo))(`/deconfliction`)).status).toBe(403);
  });

  it("hit page: my side and the other's contact, never the other operation; workflow with 400/409", async () => {
    const { a, b, outsider, opA, opB, hitId, targetB } = await hitFixture();
    const httpA = await as(a);
    const page = await httpA(`/deconfliction/hits/${hitId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(opA.codeName);
    expect(html).toContain(b.email);
    expect(html).toContain("same identifier after normalisation");
    for (const secret of [opB.codeName, opB.id, targetB.id, "B&#x27;s secret", "B's secret"]) expect(html).not.toContain(secret);

    const url = `/deconfliction/hits/${hitId}?${data("routes/deconfliction.hits.$hitId")}`;
    const noOutcome = await httpA(url, { method: "POST", form: { intent: "resolved" } });
    expect(noOutcome.status).toBe(400);
    expect((await noOutcome.json()).fieldErrors).toEqual({ outcome: ["deconfliction:errors.outcome_required"] });
    const deferred = await httpA(url, { method: "POST", form: { intent: "resolved", outcome: "deferred", note: " " } });
    expect(deferred.status).toBe(400);
    expect((await deferred.json()).fieldErrors).toEqual({ note: ["deconfliction:errors.note_required_when_deferred"] });
    const bogus = await httpA(url, { method: "POST", form: { intent: "reopen" } });
    expect(bogus.status).toBe(400);
    expect((await db().select().from(hits).where(eq(hits.id, hitId)))[0]!.status).toBe("new");

    expect((await httpA(url, { method: "POST", form: { intent: "acknowledged" } })).status).toBe(200);
    const httpB = await as(b);
    const again = await httpB(url, { method: "POST", form: { intent: "acknowledged" } });
    expect(again.status).toBe(409);
    expect((await again.json()).formErrors).toEqual(["deconfliction:errors.hit_status_not_forward"]);
    const staleHtml = await (await httpB(`/deconfliction/hits/${hitId}`, { method: "POST", form: { intent: "acknowledged" } })).text();
    expect(staleHtml).toContain("This hit has already moved on");
    expect((await httpB(url, { method: "POST", form: { intent: "resolved", outcome: "joint_action", note: "Joint search on Friday" } })).status).toBe(200);
    const [row] = await db().select().from(hits).where(eq(hits.id, hitId));
    expect(row).toMatchObject({ status: "resolved", outcome: "joint_action", resolutionNote: "Joint search on Friday" });
    const trail = await db().select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.targetType, "hit"), eq(auditLog.targetId, hitId))).orderBy(auditLog.id);
    expect(trail).toEqual([
      { action: "hit.created", actorId: b.id },
      { action: "hit.acknowledged", actorId: a.id },
      { action: "hit.resolved", actorId: b.id },
    ]);

    // outsiders: the same 404 as an unknown id, reading or acting
    const out = await as(outsider);
    expect((await out(`/deconfliction/hits/${hitId}`)).status).toBe(404);
    expect((await out(`/deconfliction/hits/${hitId}`, { method: "POST", form: { intent: "acknowledged" } })).status).toBe(404);
    expect((await out(`/deconfliction/hits/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await out(`/deconfliction/hits/nope`)).status).toBe(404);
  });

  it("office leads see escalated hits office-wide with both contacts, and nothing of either operation", async () => {
    const { a, b, opA, opB, hitId } = await hitFixture();
    await db().update(hits).set({ escalatedAt: new Date() }).where(eq(hits.id, hitId));
    const lead = await createUser(db(), { role: "office_lead" });
    const http = await as(lead);
    const list = await (await http(`/deconfliction`)).text();
    expect(list).toContain("Escalated across the office");
    expect(list).toContain(`/deconfliction/hits/${hitId}`);
    const page = await http(`/deconfliction/hits/${hitId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(a.email);
    expect(html).toContain(b.email);
    for (const secret of [opA.codeName, opB.codeName, "A&#x27;s secret", "B&#x27;s secret"]) expect(html).not.toContain(secret);
    // and cannot act on it
    expect((await http(`/deconfliction/hits/${hitId}`, { method: "POST", form: { intent: "acknowledged" } })).status).toBe(404);
  });
});

describe("admin settings", () => {
  it("administrators and office leads read and save; 400 with field errors stores nothing; others 403", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const http = await as(admin);
    const page = await http(`/admin/deconfliction`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Person match threshold");

    const bad = await http(`/admin/deconfliction?${data("routes/admin.deconfliction")}`, { method: "POST", form: { personThreshold: "0.2", eventBufferM: "-1", eventBufferMinutes: "abc", escalationHours: "500" } });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["escalationHours", "eventBufferM", "eventBufferMinutes", "personThreshold"]);
    expect(await db().select().from(deconflictionSettings)).toEqual([]);

    const ok = await http(`/admin/deconfliction`, { method: "POST", form: { personThreshold: "0,9", eventBufferM: "750", eventBufferMinutes: "45", escalationHours: "4" } });
    expect(ok.status).toBe(302);
    expect(await app.services.deconfliction.getSettings({ actor: await actorOf(db(), admin.id) })).toEqual({ personThreshold: 0.9, eventBufferM: 750, eventBufferMinutes: 45, escalationHours: 4 });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "deconfliction.settings_changed"));
    expect(audit).toMatchObject({ actorId: admin.id });

    const lead = await createUser(db(), { role: "office_lead" });
    expect((await (await as(lead))(`/admin/deconfliction`)).status).toBe(200);
    const officer = await createUser(db());
    const o = await as(officer);
    expect((await o(`/admin/deconfliction`)).status).toBe(403);
    expect((await o(`/admin/deconfliction`, { method: "POST", form: { personThreshold: "0.5", eventBufferM: "0", eventBufferMinutes: "0", escalationHours: "1" } })).status).toBe(403);
    expect((await app.services.deconfliction.getSettings({ actor: await actorOf(db(), admin.id) })).personThreshold).toBe(0.9);
  });
});
