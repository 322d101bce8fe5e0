import { sql, type SQL } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { operations, users } from "./org";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// A conversation. Operation channels belong to an operation: the general one is
// readable by every member of the operation (derived from operation_members, so
// leaving the operation is leaving the channel); the others by the members listed
// in channel_members who are still in the operation. Direct and group
// conversations are readable by their channel_members only.
export const channels = pgTable(
  "channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    operationId: uuid("operation_id").references(() => operations.id, { onDelete: "cascade" }),
    name: text("name"),
    isGeneral: boolean("is_general").notNull().default(false),
    // sorted member ids of a direct conversation: one conversation per pair
    directKey: text("direct_key"),
    // the last sequence number handed out; bumped with a row lock so seq is strictly increasing
    lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("channels_operation_idx").on(t.operationId),
    uniqueIndex("channels_operation_general_key").on(t.operationId).where(sql`${t.isGeneral}`),
    uniqueIndex("channels_operation_name_key").on(t.operationId, sql`lower(${t.name})`).where(sql`${t.operationId} is not null`),
    uniqueIndex("channels_direct_key").on(t.directKey),
    check("channels_kind_known", sql`${t.kind} IN ('operation', 'direct', 'group')`),
    check(
      "channels_kind_shape",
      sql`(${t.kind} = 'operation' AND ${t.operationId} IS NOT NULL AND ${t.name} IS NOT NULL AND ${t.directKey} IS NULL)
        OR (${t.kind} = 'direct' AND ${t.operationId} IS NULL AND ${t.directKey} IS NOT NULL AND NOT ${t.isGeneral})
        OR (${t.kind} = 'group' AND ${t.operationId} IS NULL AND ${t.directKey} IS NULL AND NOT ${t.isGeneral})`,
    ),
    check("channels_name_length", sql`${t.name} IS NULL OR char_length(${t.name}) BETWEEN 1 AND 80`),
  ],
);

// Explicit membership of non-general channels and of direct/group conversations.
export const channelMembers = pgTable(
  "channel_members",
  {
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedBy: text("added_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] }), index("channel_members_user_idx").on(t.userId)],
);

// Each reader's last read position, kept on the server so every device agrees.
export const channelReads = pgTable(
  "channel_reads",
  {
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastReadSeq: bigint("last_read_seq", { mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] })],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    // thread root; replies carry their own seq in the same channel
    parentId: uuid("parent_id"),
    body: text("body").notNull(),
    handlingCode: text("handling_code").notNull().default("H0"),
    mentions: text("mentions").array().notNull().default(sql`'{}'::text[]`),
    // client-generated: a retried post returns the first message instead of a second one
    idempotencyKey: text("idempotency_key").notNull(),
    replyCount: bigint("reply_count", { mode: "number" }).notNull().default(0),
    lastReplyAt: timestamp("last_reply_at", { withTimezone: true }),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedBy: text("deleted_by").references(() => users.id),
    // language-neutral ('simple'): officers write in six languages, often mixed
    search: tsvector("search").generatedAlwaysAs(
      (): SQL => sql`to_tsvector('simple', case when deleted_at is null then body else '' end)`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_channel_seq_key").on(t.channelId, t.seq),
    uniqueIndex("messages_author_idempotency_key").on(t.authorId, t.idempotencyKey),
    index("messages_parent_idx").on(t.parentId, t.seq).where(sql`${t.parentId} is not null`),
    index("messages_search_idx").using("gin", t.search),
    index("messages_author_idx").on(t.authorId, t.createdAt),
    check("messages_body_length", sql`char_length(${t.body}) BETWEEN 1 AND 10000`),
    check("messages_handling_code_known", sql`${t.handlingCode} IN ('H0', 'H1', 'H2', 'H3')`),
    check("messages_seq_positive", sql`${t.seq} > 0`),
  ],
);

// Earlier versions of an edited message, for members and for evidence.
export const messageVersions = pgTable(
  "message_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    handlingCode: text("handling_code").notNull(),
    // when this version was replaced, and by whom
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
    replacedBy: text("replaced_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [index("message_versions_message_idx").on(t.messageId, t.replacedAt)],
);

export const messageReactions = pgTable(
  "message_reactions",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    emoji: text("emoji").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.userId, t.emoji] }),
    check("message_reactions_emoji_length", sql`char_length(${t.emoji}) BETWEEN 1 AND 32`),
  ],
);
