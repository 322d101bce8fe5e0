// Every command of the command line: its flags, its help, and the domain verb it calls.
import type { ParseArgsConfig } from "node:util";
import { systemActor } from "../domain/context";
import { countryName, isCountryCode } from "../domain/agencies/countries";
import { agencyFormSchema } from "../domain/agencies/schemas";
import { Invalid, isDomainError } from "../domain/errors";
import { USER_STATUSES, userFieldsSchema } from "../domain/users/schemas";
import { AGENCY_KINDS, OFFICE_ROLES, UI_LANGUAGES } from "../domain/vocabulary";
import { fieldErrors, z } from "../domain/validation";
import type { Services } from "../domain/services";
import { WitnessFileError, witnessChainHead } from "../domain/audit/witness";
import { CliError } from "./errors";
import { message } from "./messages";

export const actor = systemActor("cli");

export interface CliContext {
  /** Opens the database on first use: help and bad input never touch it. */
  services(): Promise<Services>;
  out(line: string): void;
  /** a progress line on standard error, kept apart from the result on standard output */
  progress(line: string): void;
  readPassword(): Promise<string>;
}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  summary: string;
  flags: [string, string][];
  notes?: string[];
  options: Options;
  run(ctx: CliContext, values: Values): Promise<number>;
}

const str = { type: "string" } as const;

/** A flag schema's errors, as the command line says them: "--email: Enter a valid e-mail address." */
export function parseFlags<S extends z.ZodTypeAny>(schema: S, values: Values): z.output<S> {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  --${String(i.path[0] ?? "")}: ${message(i.message)}`);
  throw new CliError(`Invalid input:\n${[...new Set(lines)].join("\n")}`, 2);
}

const email = z.string({ required_error: "validation.required" }).trim().email();

// which flag a domain field came from, to point at it in error messages
export const FLAG_OF_FIELD: Record<string, string> = {
  agencyId: "--agency",
  officeRole: "--role",
  timeZone: "--time-zone",
  locale: "--locale",
  languages: "--languages",
  password: "password (standard input)",
};

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd());
}

async function userIdFor(ctx: CliContext, address: string): Promise<string> {
  const services = await ctx.services();
  try {
    return await services.users.findIdByEmail({ actor, email: address });
  } catch {
    throw new CliError(`No user with the e-mail address ${address}.`, 1);
  }
}

const createAgency: Command = {
  name: "create-agency",
  summary: "Create an agency (on an empty installation, run this before create-user).",
  flags: [
    ["--name <name>", "official name, 2 to 120 characters, unique within the country"],
    ["--country <XX>", "ISO 3166-1 alpha-2 code, e.g. AT, RS, GR (XK for Kosovo)"],
    ["--kind <kind>", AGENCY_KINDS.join(" | ")],
  ],
  options: { name: str, country: str, kind: str },
  async run(ctx, values) {
    // the verb's own schema, checked before the database is even opened
    const flags = parseFlags(agencyFormSchema, values);
    const services = await ctx.services();
    const agency = await services.agencies.create({ actor, input: flags });
    ctx.out(`Created agency "${agency.name}" (${agency.country}, ${agency.kind}), id ${agency.id}`);
    return 0;
  },
};

const createUser: Command = {
  name: "create-user",
  summary: "Create a user with a password read from standard input (how the first administrator is made).",
  flags: [
    ["--email <address>", "e-mail address, unique"],
    ["--name <full name>", "2 to 120 characters"],
    ["--agency <name or id>", "an existing agency (see list-agencies; create-agency first on an empty installation)"],
    ["--role <role>", OFFICE_ROLES.join(" | ")],
    ["--phone <number>", "optional, e.g. +43 1 24836 0"],
    ["--time-zone <zone>", "optional IANA zone, default UTC, e.g. Europe/Vienna"],
    ["--locale <language>", `optional interface language, default en: ${UI_LANGUAGES.join(" | ")}`],
    ["--languages <codes>", "optional languages spoken, e.g. de,en"],
  ],
  notes: ["The password (at least 12 characters) is read from standard input: typed without echo at a terminal, or the first line of a pipe."],
  options: { email: str, name: str, agency: str, role: str, phone: str, "time-zone": str, locale: str, languages: str },
  async run(ctx, values) {
    const flags = parseFlags(
      z.object({
        email: z.string({ required_error: "validation.required" }),
        name: z.string({ required_error: "validation.required" }),
        agency: z.string({ required_error: "validation.required" }).trim().min(1),
        role: z.string({ required_error: "validation.required" }),
        phone: z.string().optional(),
        "time-zone": z.string().default("UTC"),
        locale: z.string().default("en"),
        languages: z.string().optional(),
      }),
      values,
    );
    // the profile rules of the verb, checked before the password is asked for
    const profile = userFieldsSchema.omit({ agencyId: true }).safeParse({
      email: flags.email,
      name: flags.name,
      officeRole: flags.role,
      phone: flags.phone,
      timeZone: flags["time-zone"],
      locale: flags.locale,
      languages: flags.languages,
    });
    if (!profile.success) throw Invalid(fieldErrors(profile.error));
    const password = await ctx.readPassword();
    const services = await ctx.services();
    const matches = await services.agencies.find({ actor, ref: flags.agency });
    if (matches.length === 0) {
      throw new CliError(`No agency named "${flags.agency}". Create it first:\n  npm run cli -- create-agency --name "${flags.agency}" --country XX --kind police`, 1);
    }
    if (matches.length > 1) {
      const lines = matches.map((a) => `  ${a.id}  ${a.country}  ${a.name}`);
      throw new CliError(`Several agencies are named "${flags.agency}"; pass the id instead:\n${lines.join("\n")}`, 2);
    }
    const agency = matches[0]!;
    const { userId } = await services.users.create({
      actor,
      input: {
        email: flags.email,
        name: flags.name,
        agencyId: agency.id,
        officeRole: flags.role,
        phone: flags.phone,
        timeZone: flags["time-zone"],
        locale: flags.locale,
        languages: flags.languages,
        password,
      },
    });
    ctx.out(`Created user ${flags.email.toLowerCase()} (${flags.role}) in "${agency.name}" (${agency.country}), id ${userId}`);
    return 0;
  },
};

const emailOnly = (name: string, summary: string, verb: (services: Services, userId: string) => Promise<{ changed: boolean } | void>, done: string, unchanged: string): Command => ({
  name,
  summary,
  flags: [["--email <address>", "the user's e-mail address"]],
  options: { email: str },
  async run(ctx, values) {
    const { email: address } = parseFlags(z.object({ email }), values);
    const userId = await userIdFor(ctx, address);
    const r = await verb(await ctx.services(), userId);
    ctx.out(r && r.changed === false ? unchanged.replace("{email}", address) : done.replace("{email}", address));
    return 0;
  },
});

const resetPassword: Command = {
  name: "reset-password",
  summary: "Set a user's password (read from standard input); ends their sessions and pending links.",
  flags: [["--email <address>", "the user's e-mail address"]],
  notes: ["The new password is read from standard input, like create-user."],
  options: { email: str },
  async run(ctx, values) {
    const { email: address } = parseFlags(z.object({ email }), values);
    const password = await ctx.readPassword();
    const userId = await userIdFor(ctx, address);
    await (await ctx.services()).users.setPassword({ actor, userId, input: { password } });
    ctx.out(`Password of ${address} set. Every session of the user has ended.`);
    return 0;
  },
};

const listUsers: Command = {
  name: "list-users",
  summary: "List users with agency, role and status.",
  flags: [
    ["--role <role>", "optional filter"],
    ["--status <status>", `optional filter: ${USER_STATUSES.join(" | ")}`],
    ["--search <text>", "optional: name or e-mail contains"],
  ],
  options: { role: str, status: str, search: str },
  async run(ctx, values) {
    const f = parseFlags(z.object({ role: z.enum(OFFICE_ROLES).optional(), status: z.enum(USER_STATUSES).optional(), search: z.string().trim().max(120).optional() }), values);
    const services = await ctx.services();
    const rows: string[][] = [["EMAIL", "NAME", "ROLE", "STATUS", "AGENCY"]];
    for (let page = 1; ; page++) {
      const r = await services.users.list({ actor, input: { role: f.role, status: f.status, q: f.search, page: String(page), pageSize: "200" } });
      for (const u of r.items) rows.push([u.email, u.name, u.officeRole, u.status, `${u.agencyCountry} ${u.agencyName}`]);
      if (page * r.pageSize >= r.total) break;
    }
    if (rows.length === 1) ctx.out("No users.");
    else for (const line of table(rows)) ctx.out(line);
    return 0;
  },
};

const listAgencies: Command = {
  name: "list-agencies",
  summary: "List agencies with their id, country and kind.",
  flags: [
    ["--country <XX>", "optional filter"],
    ["--kind <kind>", "optional filter"],
  ],
  options: { country: str, kind: str },
  async run(ctx, values) {
    const f = parseFlags(
      z.object({
        country: z.string().trim().toUpperCase().refine(isCountryCode, "validation.country").optional(),
        kind: z.enum(AGENCY_KINDS).optional(),
      }),
      values,
    );
    const services = await ctx.services();
    const rows: string[][] = [["ID", "COUNTRY", "KIND", "USERS", "NAME"]];
    for (let page = 1; ; page++) {
      const r = await services.agencies.list({ actor, input: { country: f.country, kind: f.kind, page: String(page), pageSize: "200" } });
      for (const a of r.items) rows.push([a.id, `${a.country} ${countryName(a.country, "en-GB")}`, a.kind, String(a.userCount), a.name]);
      if (page * r.pageSize >= r.total) break;
    }
    if (rows.length === 1) ctx.out("No agencies. Create one with: npm run cli -- create-agency --name ... --country XX --kind police");
    else for (const line of table(rows)) ctx.out(line);
    return 0;
  },
};

const auditVerify: Command = {
  name: "audit-verify",
  summary: "Check the hash chain of the audit log (exit 0 intact, 1 broken).",
  flags: [["--witness <file>", "optional, a witness file of earlier chain heads (default: AUDIT_WITNESS_FILE)"]],
  notes: ["With a witness file, deleting the newest rows, or recomputing the chain, is found too. The check is logged."],
  options: { witness: str },
  async run(ctx, values) {
    const { witness } = parseFlags(z.object({ witness: z.string().min(1).optional() }), values);
    let report;
    try {
      report = await (await ctx.services()).audit.verifyChain({ actor, witnessFile: witness });
    } catch (err) {
      if (err instanceof WitnessFileError) throw new CliError(err.message, 2);
      throw err;
    }
    if (report.intact) {
      ctx.out(`audit chain intact: ${report.rows} rows${report.witnessed ? `, ${report.witnessed} witnessed heads match` : ""}`);
      return 0;
    }
    throw new CliError(`audit chain broken at row ${report.firstBadId} (${report.problem}): ${report.detail}`, 1);
  },
};

const auditWitness: Command = {
  name: "audit-witness",
  summary: "Append the audit chain's current head (newest row id and hash) to a witness file.",
  flags: [["--file <file>", "optional, the witness file (default: AUDIT_WITNESS_FILE)"]],
  notes: [
    "Run it from a scheduler on another machine, or keep the file on another volume: a copy of the",
    "head outside the database is what shows, later, that the newest rows were deleted.",
  ],
  options: { file: str },
  async run(ctx, values) {
    const { file } = parseFlags(z.object({ file: z.string().min(1).optional() }), values);
    const target = file ?? process.env.AUDIT_WITNESS_FILE;
    if (!target) throw new CliError("Invalid input:\n  --file: give a file, or set AUDIT_WITNESS_FILE", 2);
    const services = await ctx.services();
    let entry;
    try {
      entry = await witnessChainHead(services.deps.db, target, new Date());
    } catch (err) {
      if (err instanceof WitnessFileError) throw new CliError(err.message, 2);
      throw err;
    }
    ctx.out(entry ? `witnessed row ${entry.id} (${entry.hash.slice(0, 16)}…) in ${target}` : `nothing new to witness in ${target}`);
    return 0;
  },
};

const reindexDeconfliction: Command = {
  name: "reindex-deconfliction",
  summary: "Rebuild the blind-matching index of every registered target under DECONFLICTION_SECRET (after rotating it or upgrading the normalisers).",
  flags: [["--batch-size <n>", "optional, targets per transaction, 1 to 10000, default 1000"]],
  notes: [
    "Set DECONFLICTION_SECRET to the new key. Stop the server first (or restart it with the new key",
    "just before): a registration made under the old key while this runs is not re-keyed. Hits stay;",
    "progress is written to standard error. Targets whose stored value no longer passes the",
    "normalisers are listed and keep no keys.",
  ],
  options: { "batch-size": str },
  async run(ctx, values) {
    const f = parseFlags(z.object({ "batch-size": z.coerce.number().int().min(1).max(10_000).default(1000) }), values);
    const services = await ctx.services();
    let shown = -1;
    const started = Date.now();
    let r;
    try {
      r = await services.deconfliction.reindex({
        actor,
        input: { batchSize: f["batch-size"] },
        onProgress: (p) => {
          const percent = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100);
          if (percent === shown) return;
          shown = percent;
          ctx.progress(`re-indexed ${p.done} of ${p.total} targets (${percent}%), ${p.keys} keys`);
        },
      });
    } catch (err) {
      if (isDomainError(err) && err.message === "deconfliction_not_configured") {
        throw new CliError("DECONFLICTION_SECRET is not set: set it to the key the server uses (at least 32 characters). Nothing was changed.", 1);
      }
      throw err;
    }
    ctx.out(`Re-indexed ${r.done} targets: ${r.keys} keys in ${r.batches} batches, ${Math.round((Date.now() - started) / 1000)} s.`);
    if (r.failed > 0) {
      ctx.out(`${r.failed} targets no longer pass the normalisers and have no keys now:`);
      for (const id of r.failedTargetIds) ctx.out(`  ${id}`);
      return 1;
    }
    return 0;
  },
};

export const COMMANDS: Command[] = [
  createAgency,
  createUser,
  resetPassword,
  emailOnly("unlock", "Lift a lockout after failed sign-ins.", (s, userId) => s.users.unlock({ actor, userId }), "Unlocked {email}.", "{email} was not locked."),
  emailOnly("disable-user", "Disable an account and end all its sessions.", (s, userId) => s.users.disable({ actor, userId }), "Disabled {email}; every session has ended.", "{email} was already disabled."),
  emailOnly("enable-user", "Enable a disabled account.", (s, userId) => s.users.enable({ actor, userId }), "Enabled {email}.", "{email} was not disabled."),
  listUsers,
  listAgencies,
  auditVerify,
  auditWitness,
  reindexDeconfliction,
];

export function helpText(): string {
  const lines = [
    "Concordia command line",
    "",
    "Usage: npm run cli -- <command> [flags]",
    "",
    "It opens the same database as the server: PostgreSQL when DATABASE_URL is set, otherwise",
    "the embedded database in $DATA_DIR/pglite (default ./data), which only one process can use",
    "at a time: stop the server first.",
    "",
    "First administrator of an empty installation:",
    '  npm run cli -- create-agency --name "Bundeskriminalamt" --country AT --kind police',
    '  npm run cli -- create-user --email admin@example.org --name "Anna Admin" --agency "Bundeskriminalamt" --role admin',
    "",
    "Commands:",
  ];
  for (const c of COMMANDS) {
    lines.push("", `  ${c.name}`, `      ${c.summary}`);
    for (const [flag, text] of c.flags) lines.push(`      ${flag.padEnd(24)} ${text}`);
    for (const n of c.notes ?? []) lines.push(`      ${n}`);
  }
  lines.push("", "  help, --help", "      Show this help. `<command> --help` shows one command.", "", "Exit status: 0 done, 1 refused or failed, 2 invalid input or usage.");
  return lines.join("\n");
}

export function commandHelp(c: Command): string {
  const lines = [`Usage: npm run cli -- ${c.name}${c.flags.map(([f]) => ` ${f}`).join("")}`, "", c.summary];
  if (c.flags.length) lines.push("");
  for (const [flag, text] of c.flags) lines.push(`  ${flag.padEnd(24)} ${text}`);
  for (const n of c.notes ?? []) lines.push("", n);
  return lines.join("\n");
}
