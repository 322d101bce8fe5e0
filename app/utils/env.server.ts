import { z } from "zod";

const bool = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().default("./data"),
  SEED_DEMO: bool,
  PUBLIC_ORIGIN: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  TRUST_PROXY: bool,
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  SESSION_SWEEP_MS: z.coerce.number().int().min(200).default(2_000),
  // integration API (/api/v1): requests per token per window, as a burst refilled evenly; per process
  API_RATE_LIMIT_REQUESTS: z.coerce.number().int().min(1).max(100_000).default(60),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(10),
  // how often assignees of cards due within 24 hours are reminded (each due date once)
  DUE_SOON_INTERVAL_MS: z.coerce.number().int().min(1_000).max(24 * 3_600_000).default(5 * 60_000),
  // Copies of the audit chain's head go to this append-only file (keep it outside the database's
  // volume, ideally on another machine); verification then detects deleted newest rows.
  AUDIT_WITNESS_FILE: z.string().min(1).optional().or(z.literal("").transform(() => undefined)),
  AUDIT_WITNESS_INTERVAL_MS: z.coerce.number().int().min(1_000).max(24 * 3_600_000).default(10 * 60_000),
  // Keys the deconfliction digests; changing it orphans every stored digest. Optional so the
  // rest of the portal runs without it: deconfliction then refuses in production, and uses a
  // per-process random key in development and tests (startApp warns either way).
  DECONFLICTION_SECRET: z.string().min(32).optional().or(z.literal("").transform(() => undefined)),
  // Map tiles for planned actions, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; unset: a sketch, no outside requests
  MAP_TILE_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u) && u.includes("{z}") && u.includes("{x}") && u.includes("{y}"), "needs http(s) and {z}, {x}, {y}")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAP_ATTRIBUTION: z.string().max(300).optional().or(z.literal("").transform(() => undefined)),
});
export type Env = z.infer<typeof envSchema>;

/** Reads and checks the environment; a bad value stops the process with the reason. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return r.data;
}
