// The published document: valid OpenAPI 3.1, public, and complete: every route
// the router answers is described, with its security, body and responses.
import { validate } from "@readme/openapi-parser";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument, openApiPath } from "../../app/server/api/openapi";
import { createApiRouter } from "../../app/server/api/router";
import { API_ROUTES } from "../../app/server/api/routes";
import { startTestApp, type TestApp } from "../setup/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

type Doc = { openapi: string; paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown>; requestBody?: unknown; operationId?: string }>>; components: { securitySchemes: Record<string, unknown> } };

async function served(): Promise<Doc> {
  // no token: the document is public
  const res = await fetch(`${app.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as Doc;
}

/** Every method and path the router itself answers, read from Express's own stack. */
function routerRoutes(): string[] {
  const router = createApiRouter({ services: app.services, logger: pino({ level: "silent" }), rateLimit: { requests: 1, windowSeconds: 1 } });
  const out: string[] = [];
  for (const layer of (router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }).stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on) out.push(`${method} ${openApiPath(layer.route.path)}`);
  }
  return out.sort();
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = await served();
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every route the router answers, and nothing else", async () => {
    const doc = await served();
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`))
      .sort();
    const answered = routerRoutes();
    expect(answered.length).toBe(API_ROUTES.length + 1);
    expect(documented).toEqual(answered);
  });

  it("gives each route the bearer scheme, its body, its success and every refusal", async () => {
    const doc = await served();
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    for (const route of API_ROUTES) {
      const op = doc.paths[openApiPath(route.path)]![route.method]!;
      expect(op.operationId).toBe(route.operationId);
      expect(op.security).toEqual([{ apiToken: [] }]);
      expect(Boolean(op.requestBody)).toBe(Boolean(route.body));
      const statuses = Object.keys(op.responses).map(Number);
      for (const s of [route.success.status, 400, 401, 403, 429, 500, ...route.refusals]) expect(statuses, `${route.method} ${route.path}`).toContain(s);
      expect(JSON.stringify(op.responses["429"])).toContain("Retry-After");
    }
    expect(doc.paths["/openapi.json"]!.get!.security).toEqual([]);
  });

  it("documents each identifier kind's fields", () => {
    const doc = buildOpenApiDocument({ rateLimit: { requests: 60, windowSeconds: 10 }, bodyLimit: "1mb" }) as unknown as { components: { schemas: Record<string, { oneOf?: { properties: { kind: { enum: string[] } } }[] }> } };
    const kinds = doc.components.schemas.IdentifierItem!.oneOf!.map((o) => o.properties.kind.enum[0]);
    expect(kinds).toEqual(expect.arrayContaining(["person", "phone", "email", "iban", "vehicle_plate", "crypto_wallet"]));
  });
});
