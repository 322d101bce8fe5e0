// A real app process for tests that need several of them on one database: started
// with child_process.fork, it reports its URL over IPC, publishes the domain events
// it is sent (as a service verb in that process would), and stops cleanly on SIGTERM
// or when the test process goes away.
import { startApp } from "../../app/server/app";
import type { DomainEvent } from "../../app/domain/events";
import { readEnv } from "../../app/utils/env.server";

export type ToChild = { type: "publish"; event: DomainEvent };
export type FromChild = { type: "ready"; url: string } | { type: "published" };

const app = await startApp({ env: readEnv(), seed: false });
const send = (msg: FromChild) => process.send?.(msg);

process.on("message", (msg: ToChild) => {
  if (msg.type === "publish") {
    app.services.deps.events.publish(msg.event);
    send({ type: "published" });
  }
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("disconnect", () => void stop());
send({ type: "ready", url: app.url });
