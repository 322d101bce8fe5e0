import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { operations, users } from "./org";

// In-app notifications. Content is shown only while the recipient is still a
// member of the notification's operation (the list query joins membership).
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    operationId: uuid("operation_id").references(() => operations.id, { onDelete: "cascade" }),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    actorId: text("actor_id"),
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull().default({}),
    // the same event twice (a re-check, a retry) notifies once
    dedupeKey: text("dedupe_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_user_dedupe_key").on(t.userId, t.dedupeKey),
  ],
);
