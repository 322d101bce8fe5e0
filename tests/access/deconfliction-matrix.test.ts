// Deconfliction in the access-control matrix: targets, checks, hits and the
// matcher settings × every kind of visitor, over HTTP and sockets. A hit tells
// each side its own registration and the other side's contact — never the
// other operation's name or what it registered.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hits, notifications, targets } from "../../db/schema/index";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import { closeAllSockets, connected, eventually, roundTrip } from "../socket/helpers";
import { PERSONAS, type Persona, type Outcome, MEMBERS_ONLY, httpOutcome, createPersonaUsers, personaMembers, signInPersonas } from "./personas";


let app: TestApp;
let cookies = {} as Record<Persona, string | null>;
const ids = {} as Record<Persona | "other", string>;
let opId = "";
let otherOpId = "";
let otherOpName = "";
let ourTargetId = "";
let otherTargetId = "";
let hitId = "";
const OTHER_NOTE = "Their informant meets him at the Horgoš crossing";
const OUR_NOTE = "Our note on the courier's phone";
let seq = 0;
const phone = () => `+38163${String(3_000_000 + ++seq).padStart(7, "0")}`;

/** A phone registered first by the other operation's officer, then by `by` in our operation: one hit. */
async function newHit(by: Persona = "lead") {
  const db = app.testDb.db;
  const number = phone();
  const theirs = await app.services.deconfliction.registerTarget({ actor: await actorOf(db, ids.other), operationId: otherOpId, input: { kind: "phone", value: { number }, note: OTHER_NOTE } });
  const ours = await app.services.deconfliction.registerTarget({ actor: await actorOf(db, ids[by]), operationId: opId, input: { kind: "phone", value: { number }, note: OUR_NOTE } });
  return { hitId: ours.newHitIds[0]!, ours: ours.target.id, theirs: theirs.target.id, number };
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.testDb.db;
  const rs = await createAgency(db, { country: "RS" });
  const hu = await createAgency(db, { country: "HU" });
  const u = await createPersonaUsers(db, rs.id);
  const other = await createUser(db, { agencyId: hu.id });
  for (const [k, v] of Object.entries(u)) ids[k as Persona] = v.id;
  ids.other = other.id;
  opId = (await createOperation(db, { leadAgencyId: rs.id, members: personaMembers(u) })).id;
  const otherOp = await createOperation(db, { leadAgencyId: hu.id, codeName: "TISZA SECRET CODE NAME", members: [[other.id, "lead"]] });
  otherOpId = otherOp.id;
  otherOpName = otherOp.codeName;
  // the partner is a member elsewhere: being a member of something does not open deconfliction
  await createOperation(db, { leadAgencyId: rs.id, members: [[u.ngo.id, "observer"]] });
  const first = await newHit();
  hitId = first.hitId;
  ourTargetId = first.ours;
  otherTargetId = first.theirs;
  cookies = await signInPersonas(app, u);
}, 120_000);

afterAll(async () => {
  closeAllSockets();
  await app?.close();
});

const outcome = (persona: Persona, path: string, init: Parameters<ReturnType<typeof client>>[1] = {}) => httpOutcome(app, cookies[persona], path, init);

const NOBODY: Record<Persona, Outcome> = { ...MEMBERS_ONLY, lead: 404, member: 404, observer: 404 };
const ALL_BUT_PARTNERS: Record<Persona, Outcome> = { ...MEMBERS_ONLY, nonMember: 200, adminNonMember: 200, officeLeadNonMember: 200, ngo: 403 };
const SETTINGS: Record<Persona, Outcome> = { ...MEMBERS_ONLY, lead: 403, member: 403, observer: 403, nonMember: 403, adminNonMember: 200, officeLeadNonMember: 200, ngo: 403 };

const HTTP_READS: { resource: string; path: () => string; expected: Record<Persona, Outcome> }[] = [
  { resource: "operation's targets", path: () => `/operations/${opId}/targets`, expected: MEMBERS_ONLY },
  { resource: "a target of the operation", path: () => `/operations/${opId}/targets/${ourTargetId}`, expected: MEMBERS_ONLY },
  { resource: "another operation's targets", path: () => `/operations/${otherOpId}/targets`, expected: NOBODY },
  { resource: "another operation's target by its own path", path: () => `/operations/${otherOpId}/targets/${otherTargetId}`, expected: NOBODY },
  { resource: "another operation's target through ours", path: () => `/operations/${opId}/targets/${otherTargetId}`, expected: NOBODY },
  { resource: "hits page", path: () => "/deconfliction", expected: ALL_BUT_PARTNERS },
  { resource: "hit detail", path: () => `/deconfliction/hits/${hitId}`, expected: MEMBERS_ONLY },
  { resource: "just checking", path: () => "/deconfliction/check", expected: ALL_BUT_PARTNERS },
  { resource: "matcher settings", path: () => "/admin/deconfliction", expected: SETTINGS },
];

describe("deconfliction access over HTTP: reads", () => {
  for (const row of HTTP_READS) {
    for (const persona of PERSONAS) {
      it(`${row.resource} × ${persona} → ${row.expected[persona]}`, async () => {
        const { outcome: got, body: page } = await outcome(persona, row.path());
        expect(got).toBe(row.expected[persona]);
        // whoever reads whatever, the other operation's name and content never appear
        // (beyond the address the visitor typed, which the page echoes for the language switch)
        const body = page.split(row.path()).join("");
        for (const secret of [otherOpName, OTHER_NOTE, otherOpId, otherTargetId]) expect(body).not.toContain(secret);
        if (!["lead", "member", "observer"].includes(persona)) expect(body).not.toContain(OUR_NOTE);
      });
    }
  }
});

describe("deconfliction access over HTTP: writes", () => {
  const REGISTER: Record<Persona, Outcome> = { ...MEMBERS_ONLY, observer: 403 };
  for (const persona of PERSONAS) {
    it(`register a target × ${persona} → ${REGISTER[persona]}`, async () => {
      const number = phone();
      const { outcome: got, body } = await outcome(persona, `/operations/${opId}/targets?index`, { method: "POST", form: { kind: "phone", "value.number": number } });
      expect(got).toBe(REGISTER[persona]);
      const stored = await app.testDb.db.select().from(targets).where(and(eq(targets.operationId, opId), eq(targets.kind, "phone")));
      const display = (await app.services.deconfliction.checkIdentifiers({ actor: await actorOf(app.testDb.db, ids.lead), input: { items: [{ kind: "phone", value: { number } }] } })).items[0]!;
      expect(stored.some((t) => display.ok && t.display === display.display)).toBe(REGISTER[persona] === 200);
      for (const secret of [otherOpName, OTHER_NOTE]) expect(body).not.toContain(secret);
    });
  }

  for (const persona of PERSONAS) {
    const target = () => `/operations/${otherOpId}/targets/${otherTargetId}`;
    it(`edit or delete another operation's target × ${persona} → ${NOBODY[persona]}`, async () => {
      expect((await outcome(persona, target(), { method: "POST", form: { intent: "delete" } })).outcome).toBe(NOBODY[persona]);
      expect((await outcome(persona, target(), { method: "POST", form: { intent: "update", kind: "phone", version: "x", "value.number": phone() } })).outcome).toBe(NOBODY[persona]);
      expect(await app.testDb.db.select().from(targets).where(eq(targets.id, otherTargetId))).toHaveLength(1);
    });
  }

  const ACK: Record<Persona, Outcome> = { ...MEMBERS_ONLY, observer: 403 };
  for (const persona of PERSONAS) {
    it(`acknowledge a hit × ${persona} → ${ACK[persona]}`, async () => {
      const fresh = await newHit();
      const { outcome: got } = await outcome(persona, `/deconfliction/hits/${fresh.hitId}`, { method: "POST", form: { intent: "acknowledged" } });
      expect(got).toBe(ACK[persona]);
      const [row] = await app.testDb.db.select().from(hits).where(eq(hits.id, fresh.hitId));
      expect(row!.status).toBe(ACK[persona] === 200 ? "acknowledged" : "new");
    });
  }

  const SAVE: Record<Persona, Outcome> = { ...SETTINGS, adminNonMember: 302, officeLeadNonMember: 302 };
  for (const persona of PERSONAS) {
    it(`save matcher settings × ${persona} → ${SAVE[persona]}`, async () => {
      const { outcome: got } = await outcome(persona, "/admin/deconfliction", { method: "POST", form: { personThreshold: "0.85", eventBufferM: "500", eventBufferMinutes: "30", escalationHours: "2" } });
      expect(got).toBe(SAVE[persona]);
    });
  }

  it("check an identifier × NGO partner → 403, and nothing is logged as a check", async () => {
    expect((await outcome("ngo", "/deconfliction/check", { method: "POST", form: { kind: "phone", "value.number": phone() } })).outcome).toBe(403);
  });
});

describe("what a hit discloses", () => {
  it("the service DTO, the socket event and the notifications carry no trace of the other operation", async () => {
    const db = app.testDb.db;
    // both officers (and a bystander member) listen before the hit exists
    const ours = await connected(app.url, cookies.lead!);
    const bystander = await connected(app.url, cookies.member!);
    const theirs = await connected(app.url, await signInCookie(app, (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, ids.other) }))!.email));
    const heard = { ours: [] as unknown[], theirs: [] as unknown[], bystander: [] as unknown[] };
    ours.on("deconfliction:hit", (p) => heard.ours.push(p));
    theirs.on("deconfliction:hit", (p) => heard.theirs.push(p));
    bystander.on("deconfliction:hit", (p) => heard.bystander.push(p));

    // ours first, theirs second: we are told by notification (the registering officer sees the answer on screen)
    const number = phone();
    const oursFirst = await app.services.deconfliction.registerTarget({ actor: await actorOf(db, ids.lead), operationId: opId, input: { kind: "phone", value: { number }, note: OUR_NOTE } });
    const theirsSecond = await app.services.deconfliction.registerTarget({ actor: await actorOf(db, ids.other), operationId: otherOpId, input: { kind: "phone", value: { number }, note: OTHER_NOTE } });
    const fresh = { hitId: theirsSecond.newHitIds[0]!, ours: oursFirst.target.id, theirs: theirsSecond.target.id };
    await eventually(() => heard.ours.length === 1 && heard.theirs.length === 1, "both officers hear the new hit");
    await roundTrip(bystander);
    // ids only, and only to the two officers' own rooms
    expect(heard.ours).toEqual([{ hitId: fresh.hitId }]);
    expect(heard.theirs).toEqual([{ hitId: fresh.hitId }]);
    expect(heard.bystander).toEqual([]);

    const dto = await app.services.deconfliction.getHit({ actor: await actorOf(db, ids.lead), input: { hitId: fresh.hitId } });
    const listed = await app.services.deconfliction.listHits({ actor: await actorOf(db, ids.lead) });
    const notes = await db.select().from(notifications).where(and(eq(notifications.subjectId, fresh.hitId), inArray(notifications.userId, [ids.lead, ids.other])));
    expect(notes.map((n) => n.userId)).toEqual([ids.lead]);
    const ourNote = notes[0]!;
    expect(ourNote.operationId).toBe(opId);
    for (const payload of [dto, listed, ourNote, heard.ours]) {
      const text = JSON.stringify(payload);
      for (const secret of [otherOpName, otherOpId, fresh.theirs, OTHER_NOTE]) expect(text).not.toContain(secret);
    }
    // and the other side learns nothing of ours from its own view of the hit
    const theirView = JSON.stringify(await app.services.deconfliction.getHit({ actor: await actorOf(db, ids.other), input: { hitId: fresh.hitId } }));
    for (const secret of [opId, fresh.ours, OUR_NOTE]) expect(theirView).not.toContain(secret);

    // the pages that show them say nothing more
    for (const path of ["/notifications", "/deconfliction", `/deconfliction/hits/${fresh.hitId}`]) {
      const html = await (await client(app, cookies.lead)(path)).text();
      for (const secret of [otherOpName, otherOpId, fresh.theirs, OTHER_NOTE]) expect(html).not.toContain(secret);
    }
  });

  it("office leads see an escalated hit's two contacts, not its operations or targets", async () => {
    const fresh = await newHit();
    await app.testDb.db.update(hits).set({ escalatedAt: new Date() }).where(eq(hits.id, fresh.hitId));
    const { outcome: got, body } = await outcome("officeLeadNonMember", `/deconfliction/hits/${fresh.hitId}`);
    expect(got).toBe(200);
    for (const secret of [otherOpName, otherOpId, fresh.theirs, fresh.ours, OTHER_NOTE, OUR_NOTE]) expect(body).not.toContain(secret);
    expect(body).not.toContain(fresh.number.slice(4));
    // administrators and other officers outside both operations still get 404
    expect((await outcome("adminNonMember", `/deconfliction/hits/${fresh.hitId}`)).outcome).toBe(404);
    expect((await outcome("nonMember", `/deconfliction/hits/${fresh.hitId}`)).outcome).toBe(404);
  });
});
