// The API's documented shapes. Request bodies are checked here only as far as
// the router needs (which operation, which form of a check); their content is
// parsed by the services with the same schemas the pages use. Responses are
// described here so the OpenAPI document and the tests read one definition.
import { IDENTIFIERS } from "../../domain/deconfliction/identifiers/index";
import { IDENTIFIER_KINDS } from "../../domain/deconfliction/identifiers/kinds";
import { MAX_CHECK_ITEMS, listHitsSchema, plannedActionSchema, registerTargetSchema } from "../../domain/deconfliction/schemas";
import { HIT_KINDS, HIT_OUTCOMES, HIT_STATUSES } from "../../domain/deconfliction/vocabulary";
import { HANDLING_CODES, PLANNED_ACTION_KINDS } from "../../domain/vocabulary";
import { API_ERROR_CODES } from "./errors";
import { z } from "./zod-openapi";

const uuid = z.string().uuid();
const instant = z.string().datetime({ offset: true }).openapi({ example: "2026-03-01T06:00:00Z" });

// ---- what the router itself parses ----

/** Every write names the operation it belongs to; the rest is the service's to parse. */
export const operationEnvelope = z.object({ operationId: z.string().min(1) }).passthrough();

/** A batch (`items`) or one identifier (`kind` and `value`); the service parses the items. */
export const checkEnvelope = z
  .object({ items: z.array(z.unknown()).optional(), kind: z.unknown().optional(), value: z.unknown().optional(), defaultCountry: z.unknown().optional() })
  .passthrough()
  .superRefine((b, ctx) => {
    if (b.items === undefined && b.kind === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["items"], message: "validation.required" });
  });

/** The list filters the hit pages take, with an opaque cursor instead of a page number. */
export const hitsQuery = listHitsSchema.omit({ page: true }).extend({
  cursor: z.string().max(200).optional().openapi({ description: "`nextCursor` of the previous page; absent for the first." }),
});

// ---- documented request bodies ----

export const IdentifierItem = z
  .discriminatedUnion(
    "kind",
    IDENTIFIER_KINDS.map((kind) => z.object({ kind: z.literal(kind), value: IDENTIFIERS[kind].schema })) as unknown as [
      z.ZodObject<{ kind: z.ZodLiteral<string>; value: z.ZodTypeAny }>,
      ...z.ZodObject<{ kind: z.ZodLiteral<string>; value: z.ZodTypeAny }>[],
    ],
  )
  .openapi("IdentifierItem", { description: "One identifier: its kind and the fields that kind takes." });

export const RegisterTargetRequest = registerTargetSchema
  .omit({ kind: true, value: true })
  .extend({ operationId: uuid.openapi({ description: "An operation the token's acting account is a member of." }) })
  .and(IdentifierItem)
  .openapi("RegisterTargetRequest");

const defaultCountry = z.string().regex(/^[A-Za-z]{2}$/).optional().openapi({ description: "ISO country for national formats (phones); defaults to the acting account's agency country." });

export const CheckRequest = z
  .union([
    z.object({ items: z.array(IdentifierItem).min(1).max(MAX_CHECK_ITEMS), defaultCountry }).openapi({ title: "Batch" }),
    IdentifierItem.and(z.object({ defaultCountry })).openapi({ title: "Single" }),
  ])
  .openapi("CheckRequest", { description: `One identifier, or a batch of 1 to ${MAX_CHECK_ITEMS}.` });

export const PlannedActionRequest = plannedActionSchema
  .innerType()
  .extend({ operationId: uuid, startsAt: instant, endsAt: instant })
  .openapi("PlannedActionRequest", { description: "A place (WGS 84), a radius in metres and a time window; endsAt after startsAt." });

export const UpdateHitRequest = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("acknowledged") }),
    z.object({ status: z.literal("in_contact") }),
    z.object({ status: z.literal("resolved"), outcome: z.enum(HIT_OUTCOMES), note: z.string().max(2000).optional() }),
  ])
  .openapi("UpdateHitRequest", { description: "Moves a hit forward: new → acknowledged → in_contact → resolved (with an outcome)." });

// ---- documented responses ----

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
      fields: z
        .record(z.array(z.string()))
        .optional()
        .openapi({ description: 'Per-field message codes, e.g. `validation.required` or `validation.too_small|{"count":12}` (parameters as JSON after "|").' }),
    }),
  })
  .openapi("Error");

export const Contact = z
  .object({ name: z.string(), agency: z.string(), country: z.string(), phone: z.string().nullable(), email: z.string() })
  .passthrough()
  .openapi("Contact", { description: "The other side's officer to call; never the other case's content." });

const reasons = z.array(z.record(z.unknown())).openapi({ description: "Why it matched, as codes (e.g. same_identifier, places_overlap)." });

export const Match = z.object({ score: z.number(), reasons, registeredAt: instant, contact: Contact }).passthrough().openapi("Match");

export const RegisterTargetResponse = z
  .object({
    target: z.object({ id: uuid, kind: z.enum(IDENTIFIER_KINDS), display: z.string(), flags: z.array(z.string()), alreadyRegistered: z.boolean(), registeredAt: instant }).passthrough(),
    matches: z.array(Match),
    newHitIds: z.array(uuid),
  })
  .passthrough()
  .openapi("RegisterTargetResponse");

export const CheckItemResult = z
  .union([
    z.object({ index: z.number().int(), ok: z.literal(true), kind: z.enum(IDENTIFIER_KINDS), display: z.string(), flags: z.array(z.string()), matches: z.array(Match) }).passthrough(),
    z.object({ index: z.number().int(), ok: z.literal(false), fields: z.record(z.array(z.string())) }),
  ])
  .openapi("CheckItemResult");

export const CheckResponse = z.object({ items: z.array(CheckItemResult) }).openapi("CheckResponse");

export const Conflict = z.object({ reasons, registeredAt: instant, contact: Contact }).passthrough().openapi("ActionConflict");

export const RegisterPlannedActionResponse = z
  .object({ action: z.object({ id: uuid, kind: z.enum(PLANNED_ACTION_KINDS) }).passthrough(), conflicts: z.array(Conflict), newHitIds: z.array(uuid) })
  .passthrough()
  .openapi("RegisterPlannedActionResponse");

export const CheckPlannedActionResponse = z.object({ conflicts: z.array(Conflict) }).passthrough().openapi("CheckPlannedActionResponse");

export const Hit = z
  .object({
    id: uuid,
    kind: z.enum(HIT_KINDS),
    identifierKind: z.string().nullable(),
    score: z.number(),
    reasons: z.array(z.unknown()),
    status: z.enum(HIT_STATUSES),
    outcome: z.enum(HIT_OUTCOMES).nullable(),
    resolutionNote: z.string().nullable(),
    createdAt: instant,
    acknowledgedAt: instant.nullable(),
    resolvedAt: instant.nullable(),
    escalatedAt: instant.nullable(),
    mine: z
      .object({ operationId: uuid, operationCodeName: z.string(), targetId: uuid.nullable(), actionId: uuid.nullable(), display: z.string().nullable(), actionKind: z.string().nullable(), registeredAt: instant })
      .passthrough()
      .openapi({ description: "The acting account's own side: its operation and registration." }),
    other: z.object({ registeredAt: instant, contact: Contact }).passthrough().openapi({ description: "The other side: when it was registered and whom to call." }),
  })
  .passthrough()
  .openapi("Hit");

export const HitList = z
  .object({ items: z.array(Hit), total: z.number().int(), nextCursor: z.string().nullable() })
  .openapi("HitList", { description: "Open hits first, oldest first." });

export { HANDLING_CODES };
