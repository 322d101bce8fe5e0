import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  BOARD_COLUMN_PRESETS,
  HANDLING_CODES,
  LABEL_COLOURS,
  PLANNED_ACTION_KINDS,
  TASK_LINK_KINDS,
  TASK_PRIORITIES,
  TASK_TYPES,
} from "../../app/domain/vocabulary";
import { operations, users } from "./org";

/** `col IN ('a', 'b')` from a closed list, so the database refuses what the vocabulary does not know. */
const oneOf = (list: readonly string[]) => sql.raw(`(${list.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")})`);

// One row per operation that has a board. Its primary key makes the lazy creation of
// the default columns idempotent: concurrent first visitors insert ON CONFLICT DO NOTHING.
export const boards = pgTable("boards", {
  operationId: uuid("operation_id")
    .primaryKey()
    .references(() => operations.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const boardColumns = pgTable(
  "board_columns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    operationId: uuid("operation_id")
      .notNull()
      .references(() => boards.operationId, { onDelete: "cascade" }),
    // null while a preset column keeps its translated name
    name: text("name"),
    preset: text("preset"),
    position: integer("position").notNull(),
    wipLimit: integer("wip_limit"),
    // tasks in a done column are not open: they leave "my tasks" and the workload
    isDone: boolean("is_done").notNull().default(false),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // target of the composite foreign key that keeps a task on its own operation's columns
    unique("board_columns_id_operation_key").on(t.id, t.operationId),
    uniqueIndex("board_columns_preset_key").on(t.operationId, t.preset).where(sql`${t.preset} IS NOT NULL`),
    uniqueIndex("board_columns_name_key")
      .on(t.operationId, sql`lower(${t.name})`)
      .where(sql`${t.name} IS NOT NULL AND ${t.archivedAt} IS NULL`),
    index("board_columns_operation_idx").on(t.operationId, t.position),
    check("board_columns_named", sql`${t.name} IS NOT NULL OR ${t.preset} IS NOT NULL`),
    check("board_columns_name_length", sql`${t.name} IS NULL OR char_length(${t.name}) BETWEEN 1 AND 60`),
    check("board_columns_preset_known", sql`${t.preset} IS NULL OR ${t.preset} IN ${oneOf(BOARD_COLUMN_PRESETS)}`),
    check("board_columns_wip_limit", sql`${t.wipLimit} IS NULL OR ${t.wipLimit} BETWEEN 1 AND 999`),
  ],
);

export const boardLabels = pgTable(
  "board_labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    operationId: uuid("operation_id")
      .notNull()
      .references(() => boards.operationId, { onDelete: "cascade" }),
    name: text("name").notNull(),
    colour: text("colour").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("board_labels_id_operation_key").on(t.id, t.operationId),
    uniqueIndex("board_labels_name_key").on(t.operationId, sql`lower(${t.name})`),
    check("board_labels_name_length", sql`char_length(${t.name}) BETWEEN 1 AND 40`),
    check("board_labels_colour_known", sql`${t.colour} IN ${oneOf(LABEL_COLOURS)}`),
  ],
);

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    operationId: uuid("operation_id")
      .notNull()
      .references(() => boards.operationId, { onDelete: "cascade" }),
    columnId: uuid("column_id").notNull(),
    // order within the column; a move rewrites only the moved card's rank
    rank: doublePrecision("rank").notNull(),
    title: text("title").notNull(),
    // Markdown source; rendering is the reader's business
    description: text("description").notNull().default(""),
    dueAt: timestamp("due_at", { withTimezone: true }),
    priority: text("priority").notNull().default("normal"),
    handlingCode: text("handling_code").notNull().default("H0"),
    type: text("type").notNull().default("general"),
    actionKind: text("action_kind"),
    placeLatitude: doublePrecision("place_latitude"),
    placeLongitude: doublePrecision("place_longitude"),
    placeRadiusM: integer("place_radius_m"),
    placeAddress: text("place_address"),
    windowStart: timestamp("window_start", { withTimezone: true }),
    windowEnd: timestamp("window_end", { withTimezone: true }),
    // every change a writer must have seen first bumps it: conditional updates detect stale writers
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "tasks_column_same_operation_fk",
      columns: [t.columnId, t.operationId],
      foreignColumns: [boardColumns.id, boardColumns.operationId],
    }),
    unique("tasks_id_operation_key").on(t.id, t.operationId),
    // two cards never share a slot, so the order is total and the same for every reader
    unique("tasks_column_rank_key").on(t.columnId, t.rank),
    index("tasks_operation_idx").on(t.operationId),
    index("tasks_due_idx").on(t.dueAt),
    check("tasks_title_length", sql`char_length(${t.title}) BETWEEN 1 AND 200`),
    check("tasks_description_length", sql`char_length(${t.description}) <= 20000`),
    check("tasks_priority_known", sql`${t.priority} IN ${oneOf(TASK_PRIORITIES)}`),
    check("tasks_handling_code_known", sql`${t.handlingCode} IN ${oneOf(HANDLING_CODES)}`),
    check("tasks_type_known", sql`${t.type} IN ${oneOf(TASK_TYPES)}`),
    check("tasks_rank_positive", sql`${t.rank} > 0`),
    // a planned action has all of kind, place and window (deconfliction compares them); a general task none
    check(
      "tasks_planned_action_shape",
      sql`(${t.type} = 'general' AND ${t.actionKind} IS NULL AND ${t.placeLatitude} IS NULL AND ${t.placeLongitude} IS NULL
          AND ${t.placeRadiusM} IS NULL AND ${t.placeAddress} IS NULL AND ${t.windowStart} IS NULL AND ${t.windowEnd} IS NULL)
        OR (${t.type} = 'planned_action' AND ${t.actionKind} IN ${oneOf(PLANNED_ACTION_KINDS)}
          AND ${t.placeLatitude} BETWEEN -90 AND 90 AND ${t.placeLongitude} BETWEEN -180 AND 180
          AND ${t.placeRadiusM} BETWEEN 1 AND 100000
          AND (${t.placeAddress} IS NULL OR char_length(${t.placeAddress}) <= 300)
          AND ${t.windowStart} IS NOT NULL AND ${t.windowEnd} IS NOT NULL AND ${t.windowStart} < ${t.windowEnd})`,
    ),
  ],
);

export const taskAssignees = pgTable(
  "task_assignees",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    // no cascade from membership: a removed member stays visible on the card until reassigned
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
    assignedBy: text("assigned_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index("task_assignees_user_idx").on(t.userId)],
);

export const taskLabels = pgTable(
  "task_labels",
  {
    taskId: uuid("task_id").notNull(),
    labelId: uuid("label_id").notNull(),
    operationId: uuid("operation_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.labelId] }),
    // a card wears only its own board's labels
    foreignKey({ name: "task_labels_task_fk", columns: [t.taskId, t.operationId], foreignColumns: [tasks.id, tasks.operationId] }).onDelete("cascade"),
    foreignKey({
      name: "task_labels_label_fk",
      columns: [t.labelId, t.operationId],
      foreignColumns: [boardLabels.id, boardLabels.operationId],
    }).onDelete("cascade"),
    index("task_labels_label_idx").on(t.labelId),
  ],
);

export const taskChecklistItems = pgTable(
  "task_checklist_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    done: boolean("done").notNull().default(false),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("task_checklist_items_task_idx").on(t.taskId, t.position),
    check("task_checklist_items_text_length", sql`char_length(${t.text}) BETWEEN 1 AND 300`),
  ],
);

export const taskComments = pgTable(
  "task_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    mentions: text("mentions").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
  },
  (t) => [
    index("task_comments_task_idx").on(t.taskId, t.createdAt),
    check("task_comments_body_length", sql`char_length(${t.body}) BETWEEN 1 AND 10000`),
  ],
);

export const taskLinks = pgTable(
  "task_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    operationId: uuid("operation_id").notNull(),
    fromTaskId: uuid("from_task_id").notNull(),
    toTaskId: uuid("to_task_id").notNull(),
    kind: text("kind").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // both ends on the same operation's board, enforced by the database as well
    foreignKey({ name: "task_links_from_fk", columns: [t.fromTaskId, t.operationId], foreignColumns: [tasks.id, tasks.operationId] }).onDelete("cascade"),
    foreignKey({ name: "task_links_to_fk", columns: [t.toTaskId, t.operationId], foreignColumns: [tasks.id, tasks.operationId] }).onDelete("cascade"),
    unique("task_links_pair_key").on(t.fromTaskId, t.toTaskId, t.kind),
    index("task_links_to_idx").on(t.toTaskId),
    check("task_links_not_self", sql`${t.fromTaskId} <> ${t.toTaskId}`),
    check("task_links_kind_known", sql`${t.kind} IN ${oneOf(TASK_LINK_KINDS)}`),
  ],
);
