// Form and filter schemas shared by routes (browser bundle) and services: zod only, no server imports.
import { CRIME_AREAS, MEMBER_ROLES, OPERATION_STATUSES, type OfficeRole } from "../vocabulary";
import { z } from "../validation";

/** Office roles that may open a new operation; analysts and NGO partners join existing ones. */
export const OPERATION_CREATOR_ROLES = ["admin", "office_lead", "officer", "liaison_officer"] as const satisfies readonly OfficeRole[];

export function canCreateOperation(role: OfficeRole | null | undefined): boolean {
  return !!role && (OPERATION_CREATOR_ROLES as readonly string[]).includes(role);
}

/** A real calendar day written YYYY-MM-DD (what <input type="date"> sends). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const calendarDate = z.string().trim().refine(isCalendarDate, "validation.date");

// ISO dates compare correctly as strings, which is how the database check compares them too.
function endNotBeforeStart(value: { jitStart?: string; jitEnd?: string }, ctx: z.RefinementCtx) {
  if (value.jitStart && value.jitEnd && isCalendarDate(value.jitStart) && isCalendarDate(value.jitEnd) && value.jitEnd < value.jitStart) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["jitEnd"], message: "validation.date_order" });
  }
}

const agreementFields = {
  jitReference: z.string().trim().min(1).max(120),
  jitStart: calendarDate,
  jitEnd: calendarDate,
};

const contentFields = {
  codeName: z.string().trim().min(2).max(80),
  summary: z.string().trim().max(4000).default(""),
  crimeAreas: z
    .array(z.enum(CRIME_AREAS))
    .min(1)
    .transform((areas) => [...new Set(areas)]),
  leadAgencyId: z.string().uuid(),
  // The lead agency always participates; the service adds it when it is missing here.
  agencyIds: z
    .array(z.string().uuid())
    .max(100)
    .default([])
    .transform((ids) => [...new Set(ids)]),
  ...agreementFields,
};

// A new operation is not created closed: closing is the end of its life, not a starting state.
export const CREATABLE_STATUSES = ["planning", "active", "suspended"] as const;

export const createOperationSchema = z
  .object({ ...contentFields, status: z.enum(CREATABLE_STATUSES) })
  .superRefine(endNotBeforeStart);
export type CreateOperationInput = z.input<typeof createOperationSchema>;

export const updateOperationSchema = z
  .object({ ...contentFields, status: z.enum(OPERATION_STATUSES), version: z.number().int().min(1) })
  .superRefine(endNotBeforeStart);
export type UpdateOperationInput = z.input<typeof updateOperationSchema>;

/** What an administrator may change without seeing the content: the legal frame and the status. */
export const agreementSchema = z
  .object({ ...agreementFields, status: z.enum(OPERATION_STATUSES), version: z.number().int().min(1) })
  .superRefine(endNotBeforeStart);
export type AgreementInput = z.input<typeof agreementSchema>;

const userId = z.string().trim().min(1).max(64);

export const addMemberSchema = z.object({ userId, role: z.enum(MEMBER_ROLES) });
export const changeMemberRoleSchema = z.object({ userId, role: z.enum(MEMBER_ROLES) });
export const removeMemberSchema = z.object({ userId });

export const MEMBER_INTENTS = ["add", "change_role", "remove"] as const;
export type MemberIntent = (typeof MEMBER_INTENTS)[number];

export const memberSchemaFor = { add: addMemberSchema, change_role: changeMemberRoleSchema, remove: removeMemberSchema } as const;

export const OPERATIONS_PAGE_SIZE = 20;

// Filters come from the URL: a mangled value is dropped rather than answered with an error page.
const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const searchText = z
  .string()
  .trim()
  .max(80)
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v : undefined));

export const operationListFiltersSchema = z.object({
  status: z.enum(OPERATION_STATUSES).optional().catch(undefined),
  crimeArea: z.enum(CRIME_AREAS).optional().catch(undefined),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  q: searchText,
  page: page.default(1),
});
export type OperationListFilters = z.output<typeof operationListFiltersSchema>;

export const adminOperationFiltersSchema = z.object({
  status: z.enum(OPERATION_STATUSES).optional().catch(undefined),
  q: searchText,
  page: page.default(1),
});
export type AdminOperationFilters = z.output<typeof adminOperationFiltersSchema>;
