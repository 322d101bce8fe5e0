import { describe, expect, it } from "vitest";
import { createUser } from "../factories/index";
import { signInCookie, startTestApp } from "../setup/app";
import { closeAllSockets, connected, connectOutcome, connectSocket, disconnection, joinOperation } from "./helpers";

describe("stopping the server with sockets open", () => {
  it("closes them as a transport close, so clients reconnect elsewhere instead of giving up; stop() is idempotent", async () => {
    const app = await startTestApp();
    try {
      const u = await createUser(app.testDb.db);
      const cookie = await signInCookie(app, u.email);
      const socket = await connected(app.url, cookie);
      const gone = disconnection(socket);

      const first = app.stop();
      const second = app.stop();
      expect(second).toBe(first);
      await first;
      // "io server disconnect" would tell the client its session ended and stop it retrying
      expect(await gone).toBe("transport close");
      // the port is closed: a new socket cannot connect
      expect((await connectOutcome(connectSocket(app.url, { cookie }))).connected).toBe(false);
      await app.stop();
    } finally {
      closeAllSockets();
      await app.testDb.destroy().catch(() => {});
    }
  });

  it("an event that arrives while stopping gets no crash, and a stopped app stays stopped", async () => {
    const app = await startTestApp();
    const u = await createUser(app.testDb.db);
    const socket = await connected(app.url, await signInCookie(app, u.email));
    const pending = joinOperation(socket, "6f1c2a7e-0000-4000-8000-000000000000").catch((e: Error) => e.message);
    await app.close();
    // either answered before the close or timed out by the client: never an unhandled error in the server
    expect(await pending).toBeDefined();
    app.services.deps.events.publish({ name: "operation.updated", payload: { operationId: "6f1c2a7e-0000-4000-8000-000000000000" } });
    closeAllSockets();
  });
});
