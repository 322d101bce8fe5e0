// The integration API's endpoints, in one table: the router is built from it and
// so is the OpenAPI document, so neither can list an endpoint the other lacks.
// Each handler is as thin as a route module: parse the envelope, call the same
// service verb the pages call, answer.
import type { ZodTypeAny } from "zod";
import type { ApiCaller } from "../../domain/integration/authenticate-api-token";
import type { ApiTokenScope } from "../../domain/integration/vocabulary";
import type { Services } from "../../domain/services";
import { ApiError } from "./errors";
import * as S from "./schemas";

export interface ApiRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface ApiRoute {
  method: "get" | "post" | "patch";
  /** Express syntax (`/hits/:id`); the document writes `{id}` */
  path: string;
  scope: ApiTokenScope;
  operationId: string;
  summary: string;
  description: string;
  body?: ZodTypeAny;
  query?: ZodTypeAny & { shape?: unknown };
  params?: string[];
  /** the success status and schema; refusals are documented for every route */
  success: { status: 200 | 201; schema: ZodTypeAny; description: string; alsoStatus?: 200 };
  /** statuses this route can refuse with besides 400/401/403/429/500 */
  refusals: (404 | 409)[];
  handle: (services: Services, caller: ApiCaller, req: ApiRequest) => Promise<{ status: number; body: unknown }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function envelope<T extends ZodTypeAny>(schema: T, body: unknown) {
  const r = schema.safeParse(body);
  if (r.success) return r.data as import("zod").output<T>;
  const fields: Record<string, string[]> = {};
  for (const issue of r.error.issues) (fields[issue.path.join(".") || "_body"] ??= []).push(issue.message);
  throw new ApiError("invalid", undefined, fields);
}

/** Path ids that cannot name anything answer like ids of records the caller may not see. */
function pathId(req: ApiRequest): string {
  const id = req.params.id ?? "";
  if (!UUID.test(id)) throw new ApiError("not_found");
  return id;
}

// The cursor is opaque to clients; it carries the services' page number.
export function encodeCursor(page: number): string {
  return Buffer.from(JSON.stringify({ p: page }), "utf8").toString("base64url");
}
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 1;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { p?: unknown };
    if (typeof v.p === "number" && Number.isInteger(v.p) && v.p >= 1 && v.p <= 10_000) return v.p;
  } catch {
    // falls through to the refusal
  }
  throw new ApiError("invalid", undefined, { cursor: ["validation.invalid"] });
}

export const API_ROUTES: ApiRoute[] = [
  {
    method: "post",
    path: "/targets",
    scope: "register",
    operationId: "registerTarget",
    summary: "Register a target's identifier",
    description:
      "Registers the identifier in an operation the acting account is a member of and checks it against every other operation at once. " +
      "Registering the same identifier again in the same operation answers 200 with the existing target.",
    body: S.RegisterTargetRequest,
    success: { status: 201, schema: S.RegisterTargetResponse, description: "Registered (201), or already registered in this operation (200). Matches name the other side's point of contact.", alsoStatus: 200 },
    refusals: [404, 409],
    async handle(services, { actor }, req) {
      const { operationId, ...input } = envelope(S.operationEnvelope, req.body);
      const r = await services.deconfliction.registerTarget({ actor, operationId, input });
      return { status: r.target.alreadyRegistered ? 200 : 201, body: r };
    },
  },
  {
    method: "post",
    path: "/checks",
    scope: "check",
    operationId: "checkIdentifiers",
    summary: "Check identifiers without registering them",
    description:
      "The same normalisation and matching as a registration, for one identifier or a batch; nothing is stored and no hit is created, but the consultation is logged. " +
      "In a batch each item is answered on its own (an invalid item does not hide the others' answers); a single identifier that is not valid is a 400.",
    body: S.CheckRequest,
    success: { status: 200, schema: S.CheckResponse, description: "One result per item, in order." },
    refusals: [],
    async handle(services, { actor }, req) {
      const body = envelope(S.checkEnvelope, req.body);
      const single = body.items === undefined;
      const input = single ? { items: [{ kind: body.kind, value: body.value }], defaultCountry: body.defaultCountry } : { items: body.items, defaultCountry: body.defaultCountry };
      const r = await services.deconfliction.checkIdentifiers({ actor, input });
      const first = r.items[0];
      if (single && first && !first.ok) throw new ApiError("invalid", undefined, first.fields);
      return { status: 200, body: r };
    },
  },
  {
    method: "post",
    path: "/planned-actions",
    scope: "register",
    operationId: "registerPlannedAction",
    summary: "Register a planned action",
    description: "Registers a raid, arrest, surveillance … in an operation the acting account is a member of and checks it against every other operation's planned actions.",
    body: S.PlannedActionRequest,
    success: { status: 201, schema: S.RegisterPlannedActionResponse, description: "Registered; conflicts name the other side's point of contact." },
    refusals: [404, 409],
    async handle(services, { actor }, req) {
      const { operationId, ...input } = envelope(S.operationEnvelope, req.body);
      return { status: 201, body: await services.deconfliction.registerPlannedAction({ actor, operationId, input }) };
    },
  },
  {
    method: "post",
    path: "/planned-actions/check",
    scope: "check",
    operationId: "checkPlannedAction",
    summary: "Check a planned action without registering it",
    description: "The same check as a registration; nothing is stored but the consultation's audit row.",
    body: S.PlannedActionRequest,
    success: { status: 200, schema: S.CheckPlannedActionResponse, description: "Conflicting planned actions of other operations." },
    refusals: [404, 409],
    async handle(services, { actor }, req) {
      const { operationId, ...input } = envelope(S.operationEnvelope, req.body);
      return { status: 200, body: await services.deconfliction.checkPlannedAction({ actor, operationId, input }) };
    },
  },
  {
    method: "get",
    path: "/hits",
    scope: "check",
    operationId: "listHits",
    summary: "List the hits of the acting account's operations",
    description: "Open hits first, oldest first, one page at a time. Pass `nextCursor` back as `cursor` for the next page; it is null on the last.",
    query: S.hitsQuery,
    success: { status: 200, schema: S.HitList, description: "One page of hits." },
    refusals: [],
    async handle(services, { actor }, req) {
      const { cursor, ...filters } = req.query as { cursor?: unknown } & Record<string, unknown>;
      if (cursor !== undefined && typeof cursor !== "string") throw new ApiError("invalid", undefined, { cursor: ["validation.invalid"] });
      const page = decodeCursor(cursor);
      const r = await services.deconfliction.listHits({ actor, input: { ...filters, page } });
      const more = r.page * r.pageSize < r.total;
      return { status: 200, body: { items: r.items, total: r.total, nextCursor: more ? encodeCursor(r.page + 1) : null } };
    },
  },
  {
    method: "get",
    path: "/hits/:id",
    scope: "check",
    operationId: "getHit",
    summary: "Read one hit",
    description: "A hit of one of the acting account's operations; any other id answers 404.",
    params: ["id"],
    success: { status: 200, schema: S.Hit, description: "The hit, as the acting account's side sees it." },
    refusals: [404],
    async handle(services, { actor }, req) {
      return { status: 200, body: await services.deconfliction.getHit({ actor, input: { hitId: pathId(req) } }) };
    },
  },
  {
    method: "patch",
    path: "/hits/:id",
    scope: "register",
    operationId: "updateHit",
    summary: "Move a hit forward",
    description: "Acknowledge, mark in contact, or resolve with an outcome and a note. A step back or a repeat is a 409.",
    params: ["id"],
    body: S.UpdateHitRequest,
    success: { status: 200, schema: S.Hit, description: "The hit after the change." },
    refusals: [404, 409],
    async handle(services, { actor }, req) {
      const hitId = pathId(req);
      const body = envelope(S.operationEnvelope.omit({ operationId: true }), req.body);
      return { status: 200, body: await services.deconfliction.updateHitStatus({ actor, input: { ...body, hitId } }) };
    },
  },
];
