// Input schemas of the deconfliction verbs. Pure: forms and the API share them.
import { IDENTIFIER_KINDS } from "./identifiers/kinds";
import { HIT_OUTCOMES, HIT_STATUSES } from "./vocabulary";
import { HANDLING_CODES, PLANNED_ACTION_KINDS } from "../vocabulary";
import { z } from "../validation";

export const MAX_CHECK_ITEMS = 1000;

const identifierItem = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  // checked against the kind's own schema by the service, which reports per-field errors
  value: z.record(z.unknown()),
});

export const registerTargetSchema = identifierItem.extend({
  note: z.string().trim().max(2000).default(""),
  handlingCode: z.enum(HANDLING_CODES).default("H0"),
});
export type RegisterTargetInput = z.input<typeof registerTargetSchema>;

export const checkIdentifiersSchema = z.object({
  // items are parsed one by one so one bad line does not hide the others' answers
  items: z.array(z.unknown()).min(1).max(MAX_CHECK_ITEMS),
  /** ISO country for national formats (phones); defaults to the actor's agency country. */
  defaultCountry: z.string().trim().regex(/^[A-Za-z]{2}$/).optional(),
});
export { identifierItem };

const instant = z.coerce.date();

export const plannedActionSchema = z
  .object({
    kind: z.enum(PLANNED_ACTION_KINDS),
    lat: z.coerce.number().min(-90).max(90),
    lon: z.coerce.number().min(-180).max(180),
    radiusM: z.coerce.number().int().min(1).max(100_000),
    startsAt: instant,
    endsAt: instant,
  })
  .refine((a) => a.startsAt < a.endsAt, { path: ["endsAt"], message: "deconfliction:errors.window_end_before_start" });
export type PlannedActionInput = z.input<typeof plannedActionSchema>;

export const hitIdSchema = z.object({ hitId: z.string().uuid() });

/** Filters of the hit list, as URL search params give them. */
export const listHitsSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  // "open": every status but resolved
  status: z.enum([...HIT_STATUSES, "open"]).optional().or(z.literal("").transform(() => undefined)),
  // an identifier kind, or "event" for planned actions
  kind: z.enum([...IDENTIFIER_KINDS, "event"]).optional().or(z.literal("").transform(() => undefined)),
  operation: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
});

export const updateHitStatusSchema = z.discriminatedUnion("status", [
  z.object({ hitId: z.string().uuid(), status: z.literal("acknowledged") }),
  z.object({ hitId: z.string().uuid(), status: z.literal("in_contact") }),
  z.object({
    hitId: z.string().uuid(),
    status: z.literal("resolved"),
    outcome: z.enum(HIT_OUTCOMES),
    note: z.string().trim().max(2000).default(""),
  }),
]);

export const settingsSchema = z.object({
  personThreshold: z.coerce.number().min(0.5).max(1),
  eventBufferM: z.coerce.number().int().min(0).max(50_000),
  eventBufferMinutes: z.coerce.number().int().min(0).max(1440),
  escalationHours: z.coerce.number().int().min(1).max(168),
});
