// A national system's view of the portal: a bearer token, JSON in and out.
import { request } from "node:http";
import type { RunningApp } from "../../app/server/app";
import type { Actor } from "../../app/domain/context";

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // any: each test asserts the shape it expects
  body: any;
}

export function api(app: RunningApp, token: string | null) {
  return async (method: string, path: string, body?: unknown, init: { headers?: Record<string, string>; raw?: string } = {}): Promise<ApiAnswer> => {
    const headers = new Headers(init.headers);
    if (token) headers.set("Authorization", `Bearer ${token}`);
    let payload: string | undefined;
    if (init.raw !== undefined) payload = init.raw;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    }
    // one connection per request: a kept-alive socket reused after a long test step can be reset by the server's idle timeout
    const res = await new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
      const req = request(`${app.url}/api/v1${path}`, { method, headers: Object.fromEntries(headers), agent: false }, (r) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
          resolve({ status: r.statusCode ?? 0, headers: h, text: Buffer.concat(chunks).toString("utf8") });
        });
        r.on("error", reject);
      });
      req.on("error", reject);
      req.end(payload);
    });
    let parsed: unknown = res.text;
    try {
      parsed = JSON.parse(res.text);
    } catch {
      // left as text: the assertion that follows says what was expected
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
}

/** Issues a token through the service, as the admin page does, and returns its secret. */
export async function issueToken(app: RunningApp, admin: Actor, input: { agencyId: string; actingUserId: string; scopes: string[]; name?: string; expiresOn?: string }) {
  const r = await app.services.integration.createToken({ actor: admin, input: { name: input.name ?? "National system", ...input } });
  return r;
}
