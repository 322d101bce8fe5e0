import { sql, type SQL } from "drizzle-orm";
import { messages } from "../../../db/schema/index";
import { rowsOf } from "../audit/record-audit";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden, Invalid } from "../errors";
import { isUuid } from "../operations/access";
import { parseInput } from "../validation";
import { readableChannelSql } from "./access";
import { toDtos } from "./dto";
import { SEARCH_PAGE_SIZE, searchMessagesSchema } from "./schemas";
import type { ChannelKind, SearchResult } from "./types";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The tsquery for what a user typed: web-search syntax (quotes, or, -word) as is;
 * otherwise every word, the last one as a prefix, so results come while typing.
 */
export function searchQuery(q: string): SQL {
  const words = q.split(/\s+/).filter(Boolean);
  const plain = !/["()]/.test(q) && !words.some((w) => w.startsWith("-") || w.toLowerCase() === "or");
  const last = plain ? (words.at(-1) ?? "").replace(/[^\p{L}\p{N}]+/gu, "") : "";
  if (!last) return sql`websearch_to_tsquery('simple', ${q})`;
  const prefix = sql`to_tsquery('simple', ${last} || ':*')`;
  const rest = words.slice(0, -1).join(" ");
  return rest ? sql`(websearch_to_tsquery('simple', ${rest}) && ${prefix})` : prefix;
}

function cursorOf(at: string, id: string) {
  return Buffer.from(JSON.stringify([at, id]), "utf8").toString("base64url");
}

function parseCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && !Number.isNaN(Date.parse(at)) && typeof id === "string" && isUuid(id)) return { at, id };
  } catch {
    // falls through to the field error
  }
  throw Invalid({ cursor: ["validation.invalid"] });
}

const startOf = (s: string) => new Date(DAY.test(s) ? `${s}T00:00:00Z` : s);
const endOf = (s: string) => (DAY.test(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + 86_400_000) : new Date(Date.parse(s) + 1));

/**
 * Full-text search over every channel the actor can read, newest first, with
 * keyset pagination on (created_at, id). Deleted messages have an empty search vector.
 */
export async function searchMessages(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<SearchResult> {
  if (!actor.id) throw Forbidden();
  const data = parseInput(searchMessagesSchema, input);
  const me = actor.id;
  const query = searchQuery(data.q);
  const filters: SQL[] = [];
  if (data.channelId) filters.push(sql`m.channel_id = ${data.channelId}`);
  if (data.authorId) filters.push(sql`m.author_id = ${data.authorId}`);
  if (data.from) filters.push(sql`m.created_at >= ${startOf(data.from).toISOString()}::timestamptz`);
  if (data.to) filters.push(sql`m.created_at < ${endOf(data.to).toISOString()}::timestamptz`);
  if (data.handlingCode === "restricted") filters.push(sql`m.handling_code <> 'H0'`);
  else if (data.handlingCode) filters.push(sql`m.handling_code = ${data.handlingCode}`);
  if (data.cursor) {
    const c = parseCursor(data.cursor);
    filters.push(sql`(m.created_at, m.id) < (${c.at}::timestamptz, ${c.id}::uuid)`);
  }
  const where = filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``;
  const res = await deps.db.execute(sql`
    select m.id, c.id as channel_id, c.kind, c.name, c.operation_id, o.code_name,
      to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
      ts_headline('simple', m.body, q.query, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
    from messages m
    join channels c on c.id = m.channel_id
    left join operations o on o.id = c.operation_id
    cross join (select ${query} as query) q
    where m.search @@ q.query and m.deleted_at is null and ${readableChannelSql("c", me)} ${where}
    order by m.created_at desc, m.id desc
    limit ${SEARCH_PAGE_SIZE + 1}`);
  const found = rowsOf<{ id: string; channel_id: string; kind: ChannelKind; name: string | null; operation_id: string | null; code_name: string | null; at: string; snippet: string }>(res);
  const page = found.slice(0, SEARCH_PAGE_SIZE);
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await deps.db.select().from(messages).where(sql`${messages.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`) : [];
  const byId = new Map((await toDtos(deps.db, rows, me)).map((d) => [d.id, d]));
  const last = page.at(-1);
  return {
    hits: page.map((r) => ({
      message: byId.get(r.id)!,
      channel: { id: r.channel_id, kind: r.kind, name: r.name, operationId: r.operation_id, operationCode: r.code_name },
      snippet: r.snippet,
    })),
    nextCursor: found.length > SEARCH_PAGE_SIZE && last ? cursorOf(last.at, last.id) : null,
  };
}
