// The process entry: environment -> app -> signals.
import { readEnv } from "../utils/env.server";
import { startApp } from "./app";
import { DEMO_PASSWORD } from "./seed";

async function main() {
  let env;
  try {
    env = readEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  // React and Remix read process.env.NODE_ENV when the build is imported (after this
  // line): without it the server would render in React's slow development mode.
  process.env.NODE_ENV ??= env.NODE_ENV;
  const app = await startApp({ env });
  const db = app.dbHandle.kind === "pglite" ? `embedded PostgreSQL (PGlite) in ${env.DATA_DIR}/pglite` : "PostgreSQL (DATABASE_URL)";
  app.logger.info({ url: app.url, db }, "Concordia is listening");
  if (app.seed?.seeded) {
    const rows = app.seed.accounts.map((a) => `  ${a.email.padEnd(30)} ${a.role.padEnd(16)} ${a.name} (${a.agency})`).join("\n");
    process.stdout.write(`\nConcordia ${app.url}  -  ${db}\nDemo office seeded. Every demo account's password: ${DEMO_PASSWORD}\n${rows}\n\n`);
  } else {
    process.stdout.write(`\nConcordia ${app.url}  -  ${db}\n\n`);
  }

  let exiting = false;
  const shutdown = async (signal: string) => {
    if (exiting) return;
    exiting = true;
    app.logger.info({ signal }, "signal received");
    // stop() bounds the requests in flight itself; this only catches a hang past that
    setTimeout(() => {
      app.logger.error("shutdown did not finish in time");
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS + 5_000).unref();
    try {
      await app.stop();
      process.exit(0);
    } catch (err) {
      app.logger.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
