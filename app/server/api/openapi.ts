// The OpenAPI 3.1 document of /api/v1, generated from the route table and its zod schemas.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { API_TOKEN_SCOPES } from "../../domain/integration/vocabulary";
import { API_ROUTES, type ApiRoute } from "./routes";
import { ErrorResponse } from "./schemas";
import { z } from "./zod-openapi";

/** `/hits/:id` → `/hits/{id}` */
export const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z_]\w*)/g, "{$1}");

const REFUSALS: Record<number, string> = {
  400: "Bad input: `error.fields` names each field and why. Nothing was stored.",
  401: "No token, or not a working one (unknown, revoked, expired, or its acting account disabled).",
  403: "The token lacks this endpoint's scope, or the acting account may not do this (e.g. an observer, or a closed operation).",
  404: "Unknown id, or one the acting account may not see: the two are not told apart.",
  409: "Refused in the current state (e.g. a hit moved backwards, deconfliction not configured).",
  413: "The body is larger than the limit.",
  429: "Rate limit: wait the seconds the Retry-After header gives.",
  500: "Server error; the request was not completed.",
};

function routeConfig(route: ApiRoute): RouteConfig {
  const json = (schema: z.ZodTypeAny, description: string) => ({ description, content: { "application/json": { schema } } });
  const responses: RouteConfig["responses"] = { [route.success.status]: json(route.success.schema, route.success.description) };
  if (route.success.alsoStatus) responses[route.success.alsoStatus] = json(route.success.schema, route.success.description);
  const refusals = [400, 401, 403, ...route.refusals, ...(route.body ? [413] : []), 429, 500];
  for (const status of refusals) {
    responses[status] = status === 429 ? { ...json(ErrorResponse, REFUSALS[status]!), headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } } : json(ErrorResponse, REFUSALS[status]!);
  }
  return {
    method: route.method,
    path: openApiPath(route.path),
    operationId: route.operationId,
    summary: route.summary,
    description: `${route.description}\n\nScope: \`${route.scope}\`.`,
    tags: [route.path.startsWith("/hits") ? "Hits" : route.path.startsWith("/planned-actions") ? "Planned actions" : "Targets"],
    security: [{ apiToken: [] }],
    request: {
      ...(route.params ? { params: z.object(Object.fromEntries(route.params.map((p) => [p, z.string().uuid()]))) } : {}),
      ...(route.query ? { query: route.query as z.AnyZodObject } : {}),
      ...(route.body ? { body: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
    },
    responses,
  };
}

export function buildOpenApiDocument(opts: { version?: string; rateLimit: { requests: number; windowSeconds: number }; bodyLimit: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiToken", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "cnc_<prefix>_<secret>",
    description: `A token an administrator issued for the agency (Administration → API tokens). Scopes: ${API_TOKEN_SCOPES.map((s) => `\`${s}\``).join(", ")}.`,
  });
  registry.register("Error", ErrorResponse);
  for (const route of API_ROUTES) registry.registerPath(routeConfig(route));
  registry.registerPath({
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "Public: no token needed.",
    tags: ["Meta"],
    security: [],
    responses: { 200: { description: "The OpenAPI 3.1 document of this API.", content: { "application/json": { schema: z.object({ openapi: z.string() }).passthrough() } } } },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Concordia integration API",
      version: opts.version ?? "1",
      description:
        "Deconfliction for agencies' own systems: check and register identifiers and planned actions, and work the hits. " +
        "Every call acts as the token's acting account and sees exactly what that account sees. " +
        `Requests and responses are JSON (bodies up to ${opts.bodyLimit}). ` +
        `Each token may make ${opts.rateLimit.requests} requests per ${opts.rateLimit.windowSeconds} s (a burst of ${opts.rateLimit.requests}, refilled evenly). ` +
        'Every refusal is `{ "error": { "code", "message", "fields"? } }`.',
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiToken: [] }],
    tags: [{ name: "Targets" }, { name: "Planned actions" }, { name: "Hits" }, { name: "Meta" }],
  });
}
