import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies, operations, users } from "./org";

// Per-agency tokens for national systems. Only a SHA-256 digest of the secret is
// stored; the secret is shown once on creation. `prefix` identifies a token in
// lists and logs without revealing it.
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    // the account the token acts as: hits and registrations need a point of contact
    actingUserId: text("acting_user_id")
      .notNull()
      .references(() => users.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
    index("api_tokens_agency_idx").on(t.agencyId),
    check("api_tokens_name_length", sql`char_length(${t.name}) BETWEEN 1 AND 100`),
    check("api_tokens_scopes_known", sql`${t.scopes} <@ ARRAY['check', 'register']::text[] AND cardinality(${t.scopes}) > 0`),
  ],
);

// A bulk check of an uploaded CSV: its progress, and (in bulk_check_rows) only the
// rows worth reporting - hits and rows that could not be parsed.
export const bulkChecks = pgTable(
  "bulk_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // the operation the check is made for (its default country parses phones); null for a plain check
    operationId: uuid("operation_id").references(() => operations.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").notNull().default("queued"),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    hitRows: integer("hit_rows").notNull().default(0),
    invalidRows: integer("invalid_rows").notNull().default(0),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("bulk_checks_user_idx").on(t.userId, t.createdAt),
    check("bulk_checks_status_known", sql`${t.status} IN ('queued', 'running', 'done', 'failed')`),
  ],
);

export const bulkCheckRows = pgTable(
  "bulk_check_rows",
  {
    bulkCheckId: uuid("bulk_check_id")
      .notNull()
      .references(() => bulkChecks.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    column: text("column").notNull(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    outcome: text("outcome").notNull(),
    // the reason a row could not be parsed (an i18n key), or the hit's details
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("bulk_check_rows_check_idx").on(t.bulkCheckId, t.rowNumber),
    check("bulk_check_rows_outcome_known", sql`${t.outcome} IN ('hit', 'invalid')`),
  ],
);
