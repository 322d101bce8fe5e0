import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { agencies, messages, users } from "../../../db/schema/index";
import { AUDIT_LOCK_SQL, AuditSqlInteger, auditInsertSql, literal, rowsOf } from "../audit/record-audit";
import { actorFor, loadCurrentUser, type CurrentUser } from "../auth/current-user";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Invalid, NotFound, Unauthenticated } from "../errors";
import { isoDate } from "../operations/access";
import { parseInput } from "../validation";
import { assertCanPost, channelOperationOf, getChannelForActor, readableChannelSql, readersAmong } from "./access";
import { bodyHash, loadDto, toDtos } from "./dto";
import { notifyChat } from "./notify-readers";
import { postMessageSchema } from "./schemas";
import { idFrom, uniqueViolation } from "./support";
import type { ChatUserRef, MessageDto, PostResult } from "./types";

const textArray = (values: string[]) =>
  values.length === 0 ? sql`'{}'::text[]` : sql`array[${sql.join(values.map((v) => literal(v)), sql`, `)}]::text[]`;

/** postgres.js (not the embedded PGlite, whose statements go one by one): several statements per query. */
const isPostgresJs = (db: ServiceDeps["db"]) => typeof (db as unknown as { $client?: unknown }).$client === "function";

async function authorRef(deps: ServiceDeps, userId: string): Promise<ChatUserRef> {
  const [row] = await deps.db
    .select({ id: users.id, name: users.name, agencyName: agencies.name, country: agencies.country })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  if (!row) throw NotFound();
  return row;
}

async function userNames(deps: ServiceDeps, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type MessageRow = typeof messages.$inferSelect;

async function threadRoot(deps: ServiceDeps, channelId: string, parentId: string) {
  const [parent] = await deps.db
    .select({ id: messages.id, parentId: messages.parentId })
    .from(messages)
    .where(and(eq(messages.id, parentId), eq(messages.channelId, channelId)));
  return parent ?? null;
}
type PostMessageInputParsed = ReturnType<typeof postMessageSchema.parse>;

async function earlierPost(deps: ServiceDeps, authorId: string, idempotencyKey: string): Promise<MessageRow | null> {
  const rows = await deps.db
    .select()
    .from(messages)
    .where(and(eq(messages.authorId, authorId), eq(messages.idempotencyKey, idempotencyKey)));
  return rows[0] ?? null;
}

async function asRetry(deps: ServiceDeps, row: MessageRow, authorId: string, channelId: string): Promise<PostResult> {
  // the same key for another channel is a client bug, not a retry
  if (row.channelId !== channelId) throw Conflict("idempotency_key_reused");
  const [message] = await toDtos(deps.db, [row], authorId);
  return { message: message!, duplicate: true };
}

async function existing(deps: ServiceDeps, authorId: string, idempotencyKey: string, channelId: string): Promise<PostResult | null> {
  const row = await earlierPost(deps, authorId, idempotencyKey);
  return row ? asRetry(deps, row, authorId, channelId) : null;
}

interface Statements {
  messageId: string;
  insertMessage: SQL;
  bumpThread: SQL | null;
  auditRow: SQL;
  dtoAt(seq: number): MessageDto;
}

/**
 * The post's writes, every value written into the statements (`literal`): statements
 * without parameters go to the server in one round trip each, and several in one message.
 * `guard`, if given, is a condition on the channel's row (alias `c`): unless it holds,
 * nothing is written (the insert finds no bumped row, the audit row no message).
 */
function postStatements(
  actor: Actor,
  p: {
    channelId: string;
    operationId: string | null;
    parentId: string | null;
    author: ChatUserRef;
    mentions: Map<string, string>;
    data: PostMessageInputParsed;
    now: Date;
    guard?: SQL;
  },
): Statements {
  const { channelId, parentId, data, now } = p;
  const me = actor.id!;
  const messageId = randomUUID();
  const dtoAt = (seq: number): MessageDto => ({
    id: messageId,
    channelId,
    seq,
    parentId,
    author: p.author,
    body: data.body,
    handlingCode: data.handlingCode,
    mentions: data.mentions.map((id) => ({ id, name: p.mentions.get(id) ?? "?" })),
    replyCount: 0,
    lastReplyAt: null,
    editedAt: null,
    deletedAt: null,
    reactions: [],
    createdAt: now.toISOString(),
    idempotencyKey: data.idempotencyKey,
  });
  // The message: one statement, whose channel row lock (held to commit) orders the
  // channel's posts, so seq is strictly increasing and commits in order.
  const insertMessage = sql`
          with bumped as (
            update channels c set last_seq = last_seq + 1, last_message_at = ${literal(now.toISOString())}::timestamptz
            where c.id = ${literal(channelId)}::uuid ${p.guard ? sql`and ${p.guard}` : sql``} returning last_seq)
          insert into messages (id, channel_id, seq, author_id, parent_id, body, handling_code, mentions, idempotency_key, created_at)
          select ${literal(messageId)}::uuid, ${literal(channelId)}::uuid, bumped.last_seq, ${literal(me)}::text, ${literal(parentId)}::uuid,
            ${literal(data.body)}::text, ${literal(data.handlingCode)}::text, ${textArray(data.mentions)}, ${literal(data.idempotencyKey)}::text,
            ${literal(now.toISOString())}::timestamptz
          from bumped
          returning seq`;
  const bumpThread = parentId
    ? sql`update messages set reply_count = reply_count + 1, last_reply_at = ${literal(now.toISOString())}::timestamptz where id = ${literal(parentId)}::uuid`
    : null;
  const stored = sql`exists (select 1 from messages where id = ${literal(messageId)}::uuid)`;
  // the audit row reads the new seq from the message row
  const auditRow = auditInsertSql(
    actor,
    now,
    {
      action: "chat.message_posted",
      targetType: "message",
      targetId: messageId,
      operationId: p.operationId,
      details: {
        channelId,
        seq: new AuditSqlInteger(sql`(select seq from messages where id = ${literal(messageId)}::uuid)`),
        parentId,
        bodySha256: bodyHash(data.body),
        length: data.body.length,
        handlingCode: data.handlingCode,
        mentions: [...data.mentions].sort(),
        idempotencyKey: data.idempotencyKey,
      },
    },
    stored,
  );
  return { messageId, insertMessage, bumpThread, auditRow, dtoAt };
}

/**
 * The whole post as one simple-protocol query, whose statements PostgreSQL runs as one
 * transaction and commits itself (postgres.js only: PGlite runs statements one by one).
 * The channel's and the audit chain's locks are held for the statements and the commit,
 * never for a round trip to this process (whose event loop may be busy with a fan-out).
 * Each statement still takes its own snapshot (READ COMMITTED), so the audit insert,
 * after the lock statement, sees the row the previous holder committed.
 * Null when nothing was written (the guard did not hold).
 */
async function postInOneQuery(deps: ServiceDeps, st: Statements): Promise<MessageDto | null> {
  const results = (await deps.db.execute(
    sql.join([st.insertMessage, ...(st.bumpThread ? [st.bumpThread] : []), AUDIT_LOCK_SQL, st.auditRow], sql`;\n`),
  )) as unknown as unknown[][];
  const inserted = rowsOf<{ seq: string | number }>(results[0]);
  return inserted[0] ? st.dtoAt(Number(inserted[0].seq)) : null;
}

/**
 * The account as a socket last loaded it is still what it was: active, with the same name,
 * e-mail, office role and agency (the audit row's actor and the message's author are
 * written from it).
 */
function accountUnchangedSql(user: CurrentUser): SQL {
  return sql`exists (select 1 from users u join agencies a on a.id = u.agency_id
      where u.id = ${literal(user.id)}::text and u.disabled_at is null and u.name = ${literal(user.name)}::text
        and u.email = ${literal(user.email)}::text and u.office_role = ${literal(user.officeRole)}::text
        and u.agency_id = ${literal(user.agencyId)}::uuid and a.name = ${literal(user.agencyName)}::text and a.country = ${literal(user.agencyCountry)}::text)`;
}

/**
 * `assertCanPost` over an operation channel's row (alias `c`), in SQL: the channel is
 * readable by the user (readableChannelSql), not archived, of operation `operationId`, whose
 * status and agreement accept changes on `today`, and the user is not an observer there.
 */
function canPostInOperationSql(userId: string, operationId: string, now: Date): SQL {
  const me = literal(userId);
  return sql`c.kind = 'operation' and c.operation_id = ${literal(operationId)}::uuid and c.archived_at is null
      and ${readableChannelSql("c", me)}
      and exists (select 1 from operations o join operation_members m on m.operation_id = o.id and m.user_id = ${me}::text
        where o.id = c.operation_id and m.role <> 'observer' and o.status <> 'closed'
          and (o.jit_end is null or o.jit_end >= ${literal(isoDate(now))}::text))`;
}

/**
 * The common post (an operation channel the process has seen, no mentions, no thread),
 * from a socket that holds its account as last loaded: one round trip. Every check the full
 * path makes before writing is a condition of the write itself, so a post the full path
 * would refuse writes nothing here and returns null, and the full path runs (and says why).
 */
async function quickPost(deps: ServiceDeps, ip: string | null, account: CurrentUser, input: unknown): Promise<PostResult | null> {
  if (!isPostgresJs(deps.db)) return null;
  // the audit row's actor is the account the statement checks, whatever the caller built
  const actor = actorFor(account, ip);
  const channelId = idFrom(input, "channelId");
  const operationId = channelOperationOf(channelId);
  if (!operationId) return null;
  const parsed = postMessageSchema.safeParse(input);
  if (!parsed.success || parsed.data.mentions.length > 0 || parsed.data.parentId) return null;
  const data = parsed.data;
  const now = deps.now();
  const st = postStatements(actor, {
    channelId,
    operationId,
    parentId: null,
    author: { id: account.id, name: account.name, agencyName: account.agencyName, country: account.agencyCountry },
    mentions: new Map(),
    data,
    now,
    guard: sql`${canPostInOperationSql(account.id, operationId, now)} and ${accountUnchangedSql(account)}`,
  });
  try {
    const message = await postInOneQuery(deps, st);
    if (!message) return null;
    deps.events.publish({ name: "chat.message_posted", payload: { channelId, message } });
    return { message, duplicate: false };
  } catch (err) {
    // a retry of a post that was stored: its idempotency key is taken
    if (uniqueViolation(err) !== null) {
      const first = await existing(deps, account.id, data.idempotencyKey, channelId);
      if (first) return first;
    }
    throw err;
  }
}

/**
 * Persisted first: the message, its sequence number, the thread counters, the
 * notifications and the audit row commit together; the broadcast follows the commit.
 * A retry with the same idempotency key returns the first message and publishes nothing.
 *
 * `account`: the actor's account as the caller (a socket) last loaded it, not read again
 * for this post (of `actor`, only the ip is then used). The common post checks it in its one
 * statement (quickPost); any other post loads it afresh first and hands it to `reloaded`.
 */
export async function postMessage(
  deps: ServiceDeps,
  {
    actor,
    input,
    account,
    reloaded,
  }: { actor: Actor; input: unknown; account?: CurrentUser; reloaded?: (account: CurrentUser) => void },
): Promise<PostResult> {
  if (account) {
    const quick = await quickPost(deps, actor.ip, account, input);
    if (quick) return quick;
    const user = await loadCurrentUser(deps.db, account.id);
    if (!user) throw Unauthenticated();
    // the caller keeps the account as it is now (renamed, say), for its next post
    reloaded?.(user);
    actor = actorFor(user, actor.ip);
  }
  const channelId = idFrom(input, "channelId");
  // parsed at once, but a parse error is told only to a reader of the channel (below)
  let data: PostMessageInputParsed | null = null;
  let invalid: unknown = null;
  try {
    data = parseInput(postMessageSchema, input);
  } catch (err) {
    invalid = err;
  }
  const me = actor.id!;
  // the reads the post needs do not depend on each other: one round trip of latency for all
  const [access, earlier, author, mentioned, readers, parent] = await Promise.all([
    getChannelForActor(deps.db, channelId, actor, deps.now()),
    data ? earlierPost(deps, me, data.idempotencyKey) : null,
    data ? authorRef(deps, me) : null,
    data ? userNames(deps, data.mentions) : null,
    data ? readersAmong(deps.db, channelId, data.mentions) : null,
    data?.parentId ? threadRoot(deps, channelId, data.parentId) : null,
  ]);
  if (!data) throw invalid;
  // a retry after the channel was archived still learns its message was kept
  if (earlier) return asRetry(deps, earlier, me, channelId);
  assertCanPost(access);

  if (data.mentions.some((id) => !readers!.has(id))) throw Invalid({ mentions: ["chat:errors.mention_not_reader"] });

  if (data.parentId && !parent) throw Invalid({ parentId: ["chat:errors.thread_not_found"] });
  // a reply to a reply joins the root's thread: threads are one level deep
  const parentId = parent ? (parent.parentId ?? parent.id) : null;

  // everything the broadcast needs was read before the transaction, so the channel's row
  // lock (which serialises the channel's posts) is held for the writes alone
  const st = postStatements(actor, {
    channelId,
    operationId: access.channel.operationId,
    parentId,
    author: author!,
    mentions: mentioned!,
    data,
    now: deps.now(),
  });
  try {
    let message: MessageDto;
    if (isPostgresJs(deps.db) && data.mentions.length === 0 && access.channel.kind === "operation") {
      // nothing to notify: one query (postInOneQuery)
      const stored = await postInOneQuery(deps, st);
      if (!stored) throw NotFound();
      message = stored;
      deps.events.publish({ name: "chat.message_posted", payload: { channelId, message } });
    } else {
      message = await withTransaction(deps, async (tx, emit) => {
        // sent together, in order, without waiting for each other (one round trip), then
        // the notifications (they name the seq). Drizzle's queries start when `then` is
        // called: the insert is started first, so it reaches the connection first.
        const insert = tx.execute(st.insertMessage).then((r) => rowsOf<{ seq: string | number }>(r));
        const thread = st.bumpThread ? tx.execute(st.bumpThread).then(() => undefined) : null;
        const audit = Promise.all([tx.execute(AUDIT_LOCK_SQL), tx.execute(st.auditRow)]);
        const [insertedR, threadR, auditR] = await Promise.allSettled([insert, thread, audit]);
        // the first statement's failure is the cause (e.g. a concurrent retry's unique key); the rest only follow it
        if (insertedR.status === "rejected") throw insertedR.reason;
        const inserted = insertedR.value;
        if (!inserted[0]) throw NotFound();
        if (threadR.status === "rejected") throw threadR.reason;
        if (auditR.status === "rejected") throw auditR.reason;
        const seq = Number(inserted[0].seq);
        await notifyChat(tx, emit, me, access.channel, { id: st.messageId, seq }, data.mentions);
        const dto = st.dtoAt(seq);
        emit({ name: "chat.message_posted", payload: { channelId, message: dto } });
        return dto;
      });
    }
    // the root's new reply count, read after the commit like any reader would
    if (parentId) deps.events.publish({ name: "chat.message_updated", payload: { channelId, message: await loadDto(deps.db, parentId, null) } });
    return { message, duplicate: false };
  } catch (err) {
    // two concurrent retries of one post: the loser's transaction (and its seq) rolled back
    if (uniqueViolation(err) !== null) {
      const first = await existing(deps, me, data.idempotencyKey, channelId);
      if (first) return first;
    }
    throw err;
  }
}
