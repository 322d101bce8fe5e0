// Inputs of the board verbs. Shared with routes and socket handlers, so nothing server-side here.
import { z } from "../validation";
import {
  HANDLING_CODES,
  LABEL_COLOURS,
  PLANNED_ACTION_KINDS,
  TASK_LINK_KINDS,
  TASK_PRIORITIES,
  TASK_TYPES,
} from "../vocabulary";

export const TASK_TITLE_MAX = 200;
export const TASK_DESCRIPTION_MAX = 20_000;
export const COLUMN_NAME_MAX = 60;
export const LABEL_NAME_MAX = 40;
export const CHECKLIST_TEXT_MAX = 300;
export const CHECKLIST_ITEMS_MAX = 200;
export const COMMENT_BODY_MAX = 10_000;
export const ADDRESS_MAX = 300;
export const MAX_ASSIGNEES = 20;
export const MAX_LABELS_PER_TASK = 20;
export const MAX_COLUMNS = 20;
export const MAX_LABELS = 100;
export const MY_TASKS_PAGE_SIZE = 50;

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date-time that names a real instant: a zone is required (the caller
 * converts the reader's local time), and 2025-02-30 is refused rather than rolled over.
 */
export function isRealIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  if (year < 1900 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1;
}

const uuid = z.string().uuid();
const userId = z.string().trim().min(1).max(100);
const dateTime = z
  .string()
  .trim()
  .refine(isRealIsoDateTime, "boards:errors.date_time")
  .transform((s) => new Date(s));
const distinct = <T>(list: T[]) => [...new Set(list)];

export const plannedActionSchema = z
  .object({
    kind: z.enum(PLANNED_ACTION_KINDS),
    latitude: z.number().finite().min(-90).max(90),
    longitude: z.number().finite().min(-180).max(180),
    radiusM: z.number().int().min(1).max(100_000),
    address: z.string().trim().max(ADDRESS_MAX).nullish().transform((s) => (s ? s : null)),
    windowStart: dateTime,
    windowEnd: dateTime,
  })
  .superRefine((v, ctx) => {
    if (v.windowStart.getTime() >= v.windowEnd.getTime())
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["windowEnd"], message: "boards:errors.window_order" });
  });
export type PlannedActionInput = z.output<typeof plannedActionSchema>;

const taskFields = {
  title: z.string().trim().min(1).max(TASK_TITLE_MAX),
  description: z.string().max(TASK_DESCRIPTION_MAX),
  dueAt: dateTime.nullable(),
  priority: z.enum(TASK_PRIORITIES),
  handlingCode: z.enum(HANDLING_CODES),
  type: z.enum(TASK_TYPES),
  plannedAction: plannedActionSchema.nullable(),
  assigneeIds: z.array(userId).max(MAX_ASSIGNEES).transform(distinct),
  labelIds: z.array(uuid).max(MAX_LABELS_PER_TASK).transform(distinct),
};

export const createTaskSchema = z
  .object({
    columnId: uuid.optional(),
    title: taskFields.title,
    description: taskFields.description.default(""),
    dueAt: taskFields.dueAt.default(null),
    priority: taskFields.priority.default("normal"),
    // H0 ("use only for the purpose") is the baseline every piece of operational information carries
    handlingCode: taskFields.handlingCode.default("H0"),
    type: taskFields.type.default("general"),
    plannedAction: taskFields.plannedAction.default(null),
    assigneeIds: taskFields.assigneeIds.default([]),
    labelIds: taskFields.labelIds.default([]),
  })
  .superRefine((v, ctx) => {
    if (v.type === "planned_action" && !v.plannedAction)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["plannedAction"], message: "boards:errors.planned_action_required" });
    if (v.type === "general" && v.plannedAction)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["plannedAction"], message: "boards:errors.planned_action_forbidden" });
  });
export type CreateTaskInput = z.input<typeof createTaskSchema>;

/** Only the fields present change; `version` is the one the user saw. */
export const updateTaskSchema = z.object({
  taskId: uuid,
  version: z.number().int().min(1),
  title: taskFields.title.optional(),
  description: taskFields.description.optional(),
  dueAt: taskFields.dueAt.optional(),
  priority: taskFields.priority.optional(),
  handlingCode: taskFields.handlingCode.optional(),
  type: taskFields.type.optional(),
  plannedAction: taskFields.plannedAction.optional(),
  assigneeIds: taskFields.assigneeIds.optional(),
  labelIds: taskFields.labelIds.optional(),
});
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;

export const reassignTaskSchema = z.object({
  taskId: uuid,
  version: z.number().int().min(1),
  assigneeIds: taskFields.assigneeIds,
});

/**
 * Where the card lands: before or after another card of the target column, at an
 * index of that column (not counting the card itself), or at its end when none is given.
 */
export const moveTaskSchema = z
  .object({
    taskId: uuid,
    toColumnId: uuid,
    beforeTaskId: uuid.optional(),
    afterTaskId: uuid.optional(),
    position: z.number().int().min(0).optional(),
    version: z.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    const anchors = [v.beforeTaskId, v.afterTaskId, v.position].filter((x) => x !== undefined).length;
    if (anchors > 1) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["position"], message: "boards:errors.one_anchor" });
  });
export type MoveTaskInput = z.input<typeof moveTaskSchema>;

export const taskIdSchema = z.object({ taskId: uuid });

export const columnNameSchema = z.string().trim().min(1).max(COLUMN_NAME_MAX);
const wipLimit = z.number().int().min(1).max(999).nullable();

export const createColumnSchema = z.object({
  name: columnNameSchema,
  wipLimit: wipLimit.default(null),
  isDone: z.boolean().default(false),
});

export const updateColumnSchema = z.object({
  columnId: uuid,
  name: columnNameSchema.optional(),
  wipLimit: wipLimit.optional(),
  isDone: z.boolean().optional(),
});

export const moveColumnSchema = z.object({ columnId: uuid, position: z.number().int().min(0) });

/**
 * A column with cards is archived only when the lead says where its cards go
 * (they keep their order, at the end of that column); otherwise it is refused.
 */
export const archiveColumnSchema = z.object({ columnId: uuid, moveTasksTo: uuid.optional() });

export const labelNameSchema = z.string().trim().min(1).max(LABEL_NAME_MAX);
export const createLabelSchema = z.object({ name: labelNameSchema, colour: z.enum(LABEL_COLOURS) });
export const updateLabelSchema = z.object({ labelId: uuid, name: labelNameSchema.optional(), colour: z.enum(LABEL_COLOURS).optional() });
export const deleteLabelSchema = z.object({ labelId: uuid });

const checklistText = z.string().trim().min(1).max(CHECKLIST_TEXT_MAX);
export const addChecklistItemSchema = z.object({ taskId: uuid, text: checklistText, position: z.number().int().min(0).optional() });
export const updateChecklistItemSchema = z.object({ itemId: uuid, text: checklistText.optional(), done: z.boolean().optional() });
export const removeChecklistItemSchema = z.object({ itemId: uuid });
export const moveChecklistItemSchema = z.object({ itemId: uuid, position: z.number().int().min(0) });

const commentBody = z.string().trim().min(1).max(COMMENT_BODY_MAX);
const mentions = z.array(userId).max(50).transform(distinct);
export const addCommentSchema = z.object({ taskId: uuid, body: commentBody, mentions: mentions.default([]) });
export const editCommentSchema = z.object({ commentId: uuid, body: commentBody, mentions: mentions.default([]) });

export const linkTasksSchema = z.object({ taskId: uuid, otherTaskId: uuid, kind: z.enum(TASK_LINK_KINDS) });
export const unlinkTasksSchema = z.object({ linkId: uuid });

export const DUE_FILTERS = ["overdue", "this_week", "none"] as const;

/** Board filters, all optional and combined with AND; `assigneeId: "none"` means unassigned. */
export const boardFilterSchema = z
  .object({
    assigneeId: userId,
    agencyId: uuid,
    country: z.string().trim().regex(/^[A-Z]{2}$/, "validation.invalid"),
    labelId: uuid,
    priority: z.enum(TASK_PRIORITIES),
    due: z.enum(DUE_FILTERS),
    type: z.enum(TASK_TYPES),
    q: z.string().trim().min(1).max(200),
  })
  .partial();
export type BoardFilter = z.output<typeof boardFilterSchema>;

export const myTasksSchema = z.object({ page: z.number().int().min(1).max(10_000).default(1) });
