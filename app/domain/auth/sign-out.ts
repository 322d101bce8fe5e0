import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { createSessionManager } from "./sessions";

/** Ends one session server-side; its sockets are disconnected after commit. */
export async function signOut(deps: ServiceDeps, { actor, sessionId }: { actor: Actor; sessionId: string }) {
  await withTransaction(deps, async (tx, emit) => {
    await createSessionManager(tx, deps.config, deps.now).invalidate(sessionId);
    await recordAudit(tx, actor, deps.now(), { action: "auth.sign_out", targetType: "user", targetId: actor.id });
    emit({ name: "session.ended", payload: { sessionId } });
  });
}
