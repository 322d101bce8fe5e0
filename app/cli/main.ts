// The command line: npm run cli -- <command> [flags]. Same domain verbs as the web, acting as "cli".
import { parseArgs } from "node:util";
import { isDomainError } from "../domain/errors";
import { COMMANDS, FLAG_OF_FIELD, commandHelp, helpText, type CliContext } from "./commands";
import { openDatabase, type OpenDatabase } from "./database";
import { CliError } from "./errors";
import { conflictMessage, message } from "./messages";
import { readNewPassword } from "./password-input";

function explain(err: unknown): CliError {
  if (err instanceof CliError) return err;
  if (isDomainError(err)) {
    switch (err.code) {
      case "invalid": {
        const lines = Object.entries(err.fields).map(([field, keys]) => `  ${FLAG_OF_FIELD[field] ?? `--${field}`}: ${keys.map(message).join(" ")}`);
        return new CliError(`Invalid input:\n${lines.join("\n")}`, 2);
      }
      case "conflict":
        return new CliError(conflictMessage(err.message), 1);
      case "not_found":
        return new CliError("Not found.", 1);
      default:
        return new CliError(`Refused (${err.code}).`, 1);
    }
  }
  return new CliError(`Unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, 1);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const about = rest[0] ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(`${about ? commandHelp(about) : helpText()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError(`Unknown command "${name}". Run \`npm run cli -- help\` for the list.`, 2);

  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: rest, options: { ...command.options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${commandHelp(command)}`, 2);
  }
  if (values.help) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return 0;
  }

  let db: OpenDatabase | null = null;
  const ctx: CliContext = {
    async services() {
      db ??= await openDatabase();
      return db.services;
    },
    out: (line) => process.stdout.write(`${line}\n`),
    progress: (line) => process.stderr.write(`${line}\n`),
    readPassword: readNewPassword,
  };
  try {
    return await command.run(ctx, values);
  } finally {
    await (db as OpenDatabase | null)?.handle.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    const e = explain(err);
    process.stderr.write(`${e.message}\n`);
    process.exit(e.exitCode);
  });
