import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const agencies = pgTable(
  "agencies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    country: text("country").notNull(),
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agencies_name_country_key").on(sql`lower(${t.name})`, t.country),
    check("agencies_country_iso2", sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    phone: text("phone"),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    timeZone: text("time_zone").notNull().default("UTC"),
    locale: text("locale").notNull().default("en"),
    officeRole: text("office_role").notNull(),
    // null until the invitation is accepted
    passwordHash: text("password_hash"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    totpKey: text("totp_key"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    // the 30-second step of the last code accepted: a code is good once
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index("users_agency_idx").on(t.agencyId)],
);

// lucia's session table plus what lucia does not track: the absolute start
// (12-hour lifetime) and whether the second factor was passed.
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    twoFactorVerified: boolean("two_factor_verified").notNull().default(false),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // SHA-256 of the token: the link is shown once and never stored
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("invitations_user_idx").on(t.userId)],
);

// Per office role: must users of this role enrol a second factor?
export const rolePolicies = pgTable("role_policies", {
  role: text("role").primaryKey(),
  requireTotp: boolean("require_totp").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const operations = pgTable(
  "operations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    codeName: text("code_name").notNull(),
    summary: text("summary").notNull().default(""),
    crimeAreas: text("crime_areas").array().notNull().default(sql`'{}'::text[]`),
    leadAgencyId: uuid("lead_agency_id")
      .notNull()
      .references(() => agencies.id),
    jitReference: text("jit_reference"),
    jitStart: text("jit_start"),
    jitEnd: text("jit_end"),
    status: text("status").notNull().default("planning"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("operations_code_name_key").on(sql`lower(${t.codeName})`),
    check("operations_jit_dates", sql`${t.jitStart} IS NULL OR ${t.jitEnd} IS NULL OR ${t.jitStart} <= ${t.jitEnd}`),
  ],
);

export const operationAgencies = pgTable(
  "operation_agencies",
  {
    operationId: uuid("operation_id")
      .notNull()
      .references(() => operations.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.operationId, t.agencyId] })],
);

export const operationMembers = pgTable(
  "operation_members",
  {
    operationId: uuid("operation_id")
      .notNull()
      .references(() => operations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    addedBy: text("added_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.operationId, t.userId] }), index("operation_members_user_idx").on(t.userId)],
);
