// Inputs of the chat verbs and socket events. Shared with routes, socket handlers and
// the browser (protocol.ts), so nothing server-side here.
import { z } from "../validation";
import { HANDLING_CODES } from "../vocabulary";

export const MESSAGE_BODY_MAX = 10_000;
export const CHANNEL_NAME_MAX = 80;
/** People in a group conversation, me included. */
export const GROUP_MAX_PEOPLE = 12;
export const CHANNEL_MEMBERS_MAX = 500;
export const MENTIONS_MAX = 50;
export const EMOJI_MAX = 32;
export const MESSAGES_PAGE_DEFAULT = 50;
export const MESSAGES_PAGE_MAX = 200;
export const SYNC_PAGE_MAX = 500;
export const SEARCH_PAGE_SIZE = 30;
export const SEARCH_QUERY_MAX = 200;

const uuid = z.string().uuid();
const userId = z.string().trim().min(1).max(100);
const distinct = <T>(list: T[]) => [...new Set(list)];
const seq = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const body = z
  .string()
  .max(MESSAGE_BODY_MAX)
  // Markdown keeps its leading indentation; a body of only blanks is empty
  .refine((s) => s.trim().length > 0, "validation.required")
  // PostgreSQL text cannot hold a NUL character: refused here, as a field error
  .refine((s) => !s.includes("\u0000"), "validation.invalid");

const channelName = z.string().trim().min(1).max(CHANNEL_NAME_MAX);

export const channelIdSchema = z.object({ channelId: uuid }).strict();
export const messageIdSchema = z.object({ messageId: uuid }).strict();

export const createChannelSchema = z.object({
  operationId: uuid,
  name: channelName,
  memberIds: z.array(userId).max(CHANNEL_MEMBERS_MAX).default([]).transform(distinct),
});

export const renameChannelSchema = z.object({ channelId: uuid, name: channelName });

export const archiveChannelSchema = z.object({ channelId: uuid, archived: z.boolean().default(true) });

export const setChannelMembersSchema = z.object({
  channelId: uuid,
  memberIds: z.array(userId).max(CHANNEL_MEMBERS_MAX).transform(distinct),
});

export const openConversationSchema = z.object({
  userIds: z
    .array(userId)
    .min(1)
    .max(GROUP_MAX_PEOPLE - 1)
    .transform(distinct),
});

export const postMessageSchema = z
  .object({
    channelId: uuid,
    body,
    handlingCode: z.enum(HANDLING_CODES).default("H0"),
    parentId: uuid.nullish().transform((v) => v ?? null),
    /** Client-generated, one per message: a retry with the same key returns the first message. */
    idempotencyKey: uuid,
    mentions: z.array(userId).max(MENTIONS_MAX).default([]).transform(distinct),
  })
  .strict();

export const editMessageSchema = z
  .object({
    messageId: uuid,
    body,
    /** Absent: unchanged. */
    handlingCode: z.enum(HANDLING_CODES).optional(),
    mentions: z.array(userId).max(MENTIONS_MAX).default([]).transform(distinct),
  })
  .strict();

export const deleteMessageSchema = messageIdSchema;

export const toggleReactionSchema = z
  .object({
    messageId: uuid,
    emoji: z.string().trim().min(1).max(EMOJI_MAX),
  })
  .strict();

export const markReadSchema = z.object({ channelId: uuid, seq }).strict();

export const listMessagesSchema = z
  .object({
    channelId: uuid,
    /** Older than this seq. */
    before: seq.optional(),
    /** Newer than this seq. */
    after: seq.optional(),
    /** A page centred on this seq (opening a search hit in context). */
    around: seq.optional(),
    /** The replies of this thread root (the root itself is not included). */
    parentId: uuid.optional(),
    limit: z.coerce.number().int().min(1).max(MESSAGES_PAGE_MAX).default(MESSAGES_PAGE_DEFAULT),
  })
  .refine((v) => [v.before, v.after, v.around].filter((x) => x !== undefined).length <= 1, {
    message: "validation.invalid",
    path: ["before"],
  });

export const syncSchema = z
  .object({
    channelId: uuid,
    afterSeq: seq,
    limit: z.coerce.number().int().min(1).max(SYNC_PAGE_MAX).default(100),
  })
  .strict();

const dateOrDateTime = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), "validation.date");

export const searchMessagesSchema = z.object({
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX),
  channelId: uuid.optional(),
  authorId: userId.optional(),
  /** A date (from its start, UTC) or an instant. */
  from: dateOrDateTime.optional(),
  /** A date (to its end, UTC) or an instant. */
  to: dateOrDateTime.optional(),
  /** One code, or "restricted" for H1 and above. */
  handlingCode: z.enum([...HANDLING_CODES, "restricted"]).optional(),
  cursor: z.string().max(200).optional(),
});

export const mentionCandidatesSchema = z.object({ channelId: uuid, q: z.string().trim().max(100).default("") });

export const directorySchema = z.object({ q: z.string().trim().max(100).default("") });

export const presenceSetSchema = z.object({ status: z.enum(["online", "away"]) }).strict();

export const presenceWatchSchema = z.object({ userIds: z.array(userId).max(500).transform(distinct) }).strict();

export type PostMessageInput = z.input<typeof postMessageSchema>;
export type EditMessageInput = z.input<typeof editMessageSchema>;
export type ListMessagesInput = z.input<typeof listMessagesSchema>;
export type SearchMessagesInput = z.input<typeof searchMessagesSchema>;
