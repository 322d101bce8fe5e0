// Partners refer and support victims: even as members of an operation they do
// not read, register, change or delete its targets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

describe("targets and NGO partners", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(async () => {
    await t.testDb.destroy();
  });

  it("refuses a partner who is a member of the operation, and lets an officer of the same operation through", async () => {
    const db = t.testDb.db;
    const agency = await createAgency(db, { country: "AL" });
    const officer = await createUser(db, { role: "officer", agencyId: agency.id });
    const partner = await createUser(db, { role: "ngo_partner", agencyId: agency.id });
    const op = await createOperation(db, { leadAgencyId: agency.id, members: [[officer.id, "lead"], [partner.id, "member"]] });
    const officerActor = await actorOf(db, officer.id);
    const partnerActor = await actorOf(db, partner.id);

    const { target } = await t.services.deconfliction.registerTarget({ actor: officerActor, operationId: op.id, input: { kind: "phone", value: { number: "+355 69 123 4567" } } });
    expect((await t.services.deconfliction.listTargets({ actor: officerActor, operationId: op.id })).items).toHaveLength(1);

    await expect(t.services.deconfliction.listTargets({ actor: partnerActor, operationId: op.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.deconfliction.getTarget({ actor: partnerActor, operationId: op.id, input: { targetId: target.id } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      t.services.deconfliction.registerTarget({ actor: partnerActor, operationId: op.id, input: { kind: "phone", value: { number: "+355 69 765 4321" } } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.deconfliction.deleteTarget({ actor: partnerActor, operationId: op.id, input: { targetId: target.id } })).rejects.toMatchObject({ code: "forbidden" });
    expect((await t.services.deconfliction.listTargets({ actor: officerActor, operationId: op.id })).items).toHaveLength(1);
  });
});
