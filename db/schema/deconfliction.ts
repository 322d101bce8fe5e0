import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, jsonb, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { IDENTIFIER_KINDS } from "../../app/domain/deconfliction/identifiers/kinds";
import { HIT_KINDS, HIT_OUTCOMES, HIT_STATUSES } from "../../app/domain/deconfliction/vocabulary";
import { HANDLING_CODES, PLANNED_ACTION_KINDS } from "../../app/domain/vocabulary";
import { tasks } from "./boards";
import { operations, users } from "./org";

const oneOf = (list: readonly string[]) => sql.raw(`(${list.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")})`);


/** The facts persons are scored on; kept in the owner's row because a name cannot be matched by digest alone. */
export interface PersonProfile {
  names: string[];
  dateOfBirth?: string;
  birthYear?: number;
  nationality?: string;
  sex?: "f" | "m" | "x";
}

// A registered identifier. Raw input stays with its operation: only members read it;
// other operations meet it only through target_keys digests.
export const targets = pgTable(
  "targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    operationId: uuid("operation_id")
      .notNull()
      .references(() => operations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    raw: jsonb("raw").$type<Record<string, unknown>>().notNull(),
    display: text("display").notNull(),
    note: text("note").notNull().default(""),
    handlingCode: text("handling_code").notNull().default("H0"),
    // plaintext scoring facts for persons (see docs/decisions/006-blind-matching.md)
    personProfile: jsonb("person_profile").$type<PersonProfile>(),
    registeredBy: text("registered_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("targets_operation_idx").on(t.operationId, t.createdAt),
    check("targets_kind_known", sql`${t.kind} IN ${oneOf(IDENTIFIER_KINDS)}`),
    check("targets_handling_code_known", sql`${t.handlingCode} IN ${oneOf(HANDLING_CODES)}`),
    check("targets_note_length", sql`char_length(${t.note}) <= 2000`),
    check("targets_person_profile", sql`(${t.kind} = 'person') = (${t.personProfile} IS NOT NULL)`),
  ],
);

// The matching index: keyed HMAC digests only, never a readable value.
export const targetKeys = pgTable(
  "target_keys",
  {
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    operationId: uuid("operation_id").notNull(),
    // the kind the digest was made under; an IBAN's domestic key is filed as bank_account
    kind: text("kind").notNull(),
    // exact: the normalised value or an alternate key; block: a person's blocking key
    keyType: text("key_type").notNull(),
    digest: text("digest").notNull(),
  },
  (t) => [
    index("target_keys_kind_digest_idx").on(t.kind, t.digest),
    uniqueIndex("target_keys_target_digest_key").on(t.targetId, t.kind, t.keyType, t.digest),
    check("target_keys_key_type_known", sql`${t.keyType} IN ('exact', 'block')`),
  ],
);

// A place, a radius and a time window; the GiST index on ll_to_earth(lat, lon) is
// added by hand in the migration (drizzle-kit cannot express it).
export const plannedActions = pgTable(
  "planned_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    operationId: uuid("operation_id")
      .notNull()
      .references(() => operations.id, { onDelete: "cascade" }),
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    lat: doublePrecision("lat").notNull(),
    lon: doublePrecision("lon").notNull(),
    radiusM: integer("radius_m").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    registeredBy: text("registered_by")
      .notNull()
      .references(() => users.id),
    // set when the board card stops being a planned action or is gone: kept for the hits that name it
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("planned_actions_operation_idx").on(t.operationId),
    uniqueIndex("planned_actions_task_key").on(t.taskId),
    check("planned_actions_kind_known", sql`${t.kind} IN ${oneOf(PLANNED_ACTION_KINDS)}`),
    check("planned_actions_place", sql`${t.lat} BETWEEN -90 AND 90 AND ${t.lon} BETWEEN -180 AND 180 AND ${t.radiusM} BETWEEN 1 AND 100000`),
    check("planned_actions_window", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

// One row per pair of registrations that met. Side A is the later registration.
export const hits = pgTable(
  "hits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    identifierKind: text("identifier_kind"),
    actionKinds: text("action_kinds").array(),
    score: real("score").notNull(),
    reasons: jsonb("reasons").$type<Record<string, unknown>[]>().notNull().default([]),
    aTargetId: uuid("a_target_id").references(() => targets.id, { onDelete: "cascade" }),
    aActionId: uuid("a_action_id").references(() => plannedActions.id, { onDelete: "cascade" }),
    aOperationId: uuid("a_operation_id")
      .notNull()
      .references(() => operations.id, { onDelete: "cascade" }),
    aOfficerId: text("a_officer_id")
      .notNull()
      .references(() => users.id),
    aRegisteredAt: timestamp("a_registered_at", { withTimezone: true }).notNull(),
    bTargetId: uuid("b_target_id").references(() => targets.id, { onDelete: "cascade" }),
    bActionId: uuid("b_action_id").references(() => plannedActions.id, { onDelete: "cascade" }),
    bOperationId: uuid("b_operation_id")
      .notNull()
      .references(() => operations.id, { onDelete: "cascade" }),
    bOfficerId: text("b_officer_id")
      .notNull()
      .references(() => users.id),
    bRegisteredAt: timestamp("b_registered_at", { withTimezone: true }).notNull(),
    status: text("status").notNull().default("new"),
    outcome: text("outcome"),
    resolutionNote: text("resolution_note"),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the same pair, in either order, is one hit
    uniqueIndex("hits_pair_key").on(
      sql`least(coalesce(${t.aTargetId}, ${t.aActionId}), coalesce(${t.bTargetId}, ${t.bActionId}))`,
      sql`greatest(coalesce(${t.aTargetId}, ${t.aActionId}), coalesce(${t.bTargetId}, ${t.bActionId}))`,
    ),
    index("hits_a_operation_idx").on(t.aOperationId),
    index("hits_b_operation_idx").on(t.bOperationId),
    index("hits_open_idx").on(t.createdAt).where(sql`${t.status} = 'new'`),
    check("hits_kind_known", sql`${t.kind} IN ${oneOf(HIT_KINDS)}`),
    check("hits_status_known", sql`${t.status} IN ${oneOf(HIT_STATUSES)}`),
    check("hits_outcome_known", sql`${t.outcome} IS NULL OR ${t.outcome} IN ${oneOf(HIT_OUTCOMES)}`),
    check("hits_resolved_shape", sql`(${t.status} = 'resolved') = (${t.outcome} IS NOT NULL)`),
    check(
      "hits_sides_shape",
      sql`(${t.kind} = 'target' AND ${t.aTargetId} IS NOT NULL AND ${t.bTargetId} IS NOT NULL AND ${t.aActionId} IS NULL AND ${t.bActionId} IS NULL)
        OR (${t.kind} = 'event' AND ${t.aActionId} IS NOT NULL AND ${t.bActionId} IS NOT NULL AND ${t.aTargetId} IS NULL AND ${t.bTargetId} IS NULL)`,
    ),
    check("hits_two_operations", sql`${t.aOperationId} <> ${t.bOperationId}`),
  ],
);

// Office-wide matcher settings: one row (id 1); absent means the defaults.
export const deconflictionSettings = pgTable(
  "deconfliction_settings",
  {
    id: smallint("id").primaryKey().default(1),
    personThreshold: real("person_threshold").notNull().default(0.85),
    eventBufferM: integer("event_buffer_m").notNull().default(500),
    eventBufferMinutes: integer("event_buffer_minutes").notNull().default(30),
    escalationHours: integer("escalation_hours").notNull().default(2),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("deconfliction_settings_single_row", sql`${t.id} = 1`),
    check("deconfliction_settings_threshold", sql`${t.personThreshold} > 0 AND ${t.personThreshold} <= 1`),
    check("deconfliction_settings_buffers", sql`${t.eventBufferM} BETWEEN 0 AND 50000 AND ${t.eventBufferMinutes} BETWEEN 0 AND 1440`),
    check("deconfliction_settings_escalation", sql`${t.escalationHours} BETWEEN 1 AND 168`),
  ],
);
