import { and, asc, eq, ilike, isNull, ne, or, sql } from "drizzle-orm";
import { agencies, channels, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { parseInput } from "../validation";
import { directorySchema } from "./schemas";
import type { DirectoryUser } from "./types";

const LIMIT = 20;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** People of the office to start a conversation with: active accounts, by name, agency or e-mail. */
export async function directoryForConversations(deps: ServiceDeps, { actor, q }: { actor: Actor; q?: unknown }): Promise<DirectoryUser[]> {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  const me = actor.id;
  const { q: query } = parseInput(directorySchema, { q: q ?? "" });
  const pattern = `%${likeEscape(query)}%`;
  const rows = await deps.db
    .select({
      id: users.id,
      name: users.name,
      agencyName: agencies.name,
      country: agencies.country,
      directChannelId: channels.id,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(
      channels,
      eq(channels.directKey, sql`case when ${users.id} collate "C" < ${me}::text collate "C" then ${users.id} || ':' || ${me} else ${me} || ':' || ${users.id} end`),
    )
    .where(
      and(
        ne(users.id, me),
        isNull(users.disabledAt),
        query ? or(ilike(users.name, pattern), ilike(agencies.name, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(LIMIT);
  return rows.map((r) => ({ ...r, directChannelId: r.directChannelId ?? null }));
}
