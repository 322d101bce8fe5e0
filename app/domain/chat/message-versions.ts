import { asc, eq } from "drizzle-orm";
import { messageVersions, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import type { HandlingCode } from "../vocabulary";
import { getMessageForActor } from "./access";
import type { MessageVersionDto } from "./types";

/** Earlier versions of an edited message, oldest first; none once it is deleted. */
export async function messageVersionsOf(deps: ServiceDeps, { actor, messageId }: { actor: Actor; messageId: string }): Promise<MessageVersionDto[]> {
  const { message } = await getMessageForActor(deps.db, messageId, actor, deps.now());
  if (message.deletedAt) return [];
  const rows = await deps.db
    .select({ body: messageVersions.body, handlingCode: messageVersions.handlingCode, replacedAt: messageVersions.replacedAt, id: users.id, name: users.name })
    .from(messageVersions)
    .innerJoin(users, eq(users.id, messageVersions.replacedBy))
    .where(eq(messageVersions.messageId, messageId))
    .orderBy(asc(messageVersions.replacedAt), asc(messageVersions.id));
  return rows.map((r) => ({
    body: r.body,
    handlingCode: r.handlingCode as HandlingCode,
    replacedAt: r.replacedAt.toISOString(),
    replacedBy: { id: r.id, name: r.name },
  }));
}
