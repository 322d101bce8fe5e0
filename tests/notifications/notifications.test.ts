import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, operationMembers } from "../../db/schema/index";
import { notify } from "../../app/domain/notifications/notify";
import { actorOf, createOperation, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import { createTestServices, type TestServices } from "../setup/services";

describe("notification centre (services)", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  it("notifies others, not the actor, once per dedupe key, and announces it after commit", async () => {
    const db = t.testDb.db;
    const [a, b] = [await createUser(db), await createUser(db)];
    const op = await createOperation(db, { members: [[a.id, "lead"], [b.id, "member"]] });
    const emitted: unknown[] = [];
    await db.transaction(async (tx) => {
      const rows = [
        { userId: a.id, kind: "task_assigned" as const, operationId: op.id, data: { title: "Watch the garage" } },
        { userId: b.id, kind: "task_assigned" as const, operationId: op.id, data: { title: "Watch the garage" }, dedupeKey: "k1" },
        { userId: b.id, kind: "task_assigned" as const, operationId: op.id, data: { title: "Watch the garage" }, dedupeKey: "k1" },
      ];
      expect(await notify(tx, (e) => emitted.push(e), a.id, rows)).toBe(1);
    });
    expect(emitted).toEqual([{ name: "notification.created", payload: { userIds: [b.id] } }]);
    const actorB = await actorOf(db, b.id);
    expect(await t.services.notifications.unreadCount({ actor: actorB })).toBe(1);
    const list = await t.services.notifications.list({ actor: actorB, input: {} });
    expect(list.items[0]).toMatchObject({ kind: "task_assigned", operationCodeName: op.codeName, data: { title: "Watch the garage" }, readAt: null });
    expect(await t.services.notifications.unreadCount({ actor: await actorOf(db, a.id) })).toBe(0);
  });

  it("hides an operation's notifications from someone who is no longer a member", async () => {
    const db = t.testDb.db;
    const [a, b] = [await createUser(db), await createUser(db)];
    const op = await createOperation(db, { members: [[a.id, "lead"], [b.id, "member"]] });
    await db.transaction((tx) => notify(tx, () => {}, a.id, [{ userId: b.id, kind: "task_mentioned", operationId: op.id, data: { title: "Secret task" } }]));
    const actorB = await actorOf(db, b.id);
    expect((await t.services.notifications.list({ actor: actorB, input: {} })).total).toBe(1);
    await db.delete(operationMembers).where(eq(operationMembers.userId, b.id));
    const after = await t.services.notifications.list({ actor: actorB, input: {} });
    expect(after.total).toBe(0);
    expect(JSON.stringify(after)).not.toContain("Secret task");
    expect(await t.services.notifications.unreadCount({ actor: actorB })).toBe(0);
  });

  it("marks one or all read, only the reader's own, and rejects bad ids", async () => {
    const db = t.testDb.db;
    const [a, b] = [await createUser(db), await createUser(db)];
    await db.transaction((tx) =>
      notify(tx, () => {}, null, [
        { userId: a.id, kind: "chat_direct_message" },
        { userId: a.id, kind: "chat_direct_message" },
        { userId: b.id, kind: "chat_direct_message" },
      ]),
    );
    const actorA = await actorOf(db, a.id);
    const actorB = await actorOf(db, b.id);
    const [first] = (await t.services.notifications.list({ actor: actorA, input: {} })).items;
    const bItem = (await t.services.notifications.list({ actor: actorB, input: {} })).items[0]!;
    // b's id in a's request changes nothing of b's
    expect(await t.services.notifications.markRead({ actor: actorA, input: { ids: [first!.id, bItem.id] } })).toEqual({ changed: 1 });
    expect(await t.services.notifications.unreadCount({ actor: actorB })).toBe(1);
    expect(await t.services.notifications.unreadCount({ actor: actorA })).toBe(1);
    await expect(t.services.notifications.markRead({ actor: actorA, input: { ids: ["nope"] } })).rejects.toMatchObject({ code: "invalid" });
    expect(await t.services.notifications.markAllRead({ actor: actorA })).toEqual({ changed: 1 });
    expect(await t.services.notifications.unreadCount({ actor: actorA })).toBe(0);
    expect((await db.select().from(notifications).where(eq(notifications.userId, b.id)))[0]!.readAt).toBeNull();
  });
});

describe("notification centre (HTTP)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it("shows the unread count in the header and the list page, and marks all read", async () => {
    const db = app.testDb.db;
    const u = await createUser(db);
    await db.transaction((tx) => notify(tx, () => {}, null, [{ userId: u.id, kind: "chat_direct_message" }]));
    const http = client(app, await signInCookie(app, u.email));
    const page = await (await http("/notifications")).text();
    expect(page).toContain('class="bell-count">1<');
    expect(page).toContain("sent you a direct message");
    const res = await http("/notifications", { method: "POST", form: { intent: "read_all" } });
    expect(res.status).toBe(302);
    expect(await (await http("/notifications")).text()).not.toContain("bell-count");
    expect((await http("/notifications", { method: "POST", form: {} })).status).toBe(400);
    expect((await client(app, null)("/notifications")).status).toBe(302);
  });
});
