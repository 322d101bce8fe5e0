import { useEffect, useState } from "react";
import { getSocket } from "../../hooks/use-socket";

/** Another member's "I have this card open" counts this long after their last refresh. */
const EXPIRES_MS = 30_000;
const REFRESH_MS = 15_000;

type Seen = Record<string, Record<string, { name: string; until: number }>>;

/** Who has which card of this operation open, by task id (names, expiring after 30 s of silence). */
export function usePresence(operationId: string): Record<string, string[]> {
  const [seen, setSeen] = useState<Seen>({});
  const [, tick] = useState(0);
  useEffect(() => {
    const socket = getSocket();
    if (!socket) return;
    const onEditing = (p: { operationId: string; taskId: string; userId: string; userName: string }) => {
      if (p.operationId !== operationId) return;
      setSeen((prev) => ({ ...prev, [p.taskId]: { ...prev[p.taskId], [p.userId]: { name: p.userName, until: Date.now() + EXPIRES_MS } } }));
    };
    socket.on("task:editing", onEditing);
    const timer = setInterval(() => tick((n) => n + 1), 5_000);
    return () => {
      socket.off("task:editing", onEditing);
      clearInterval(timer);
    };
  }, [operationId]);
  const now = Date.now();
  const out: Record<string, string[]> = {};
  for (const [taskId, people] of Object.entries(seen)) {
    const names = Object.values(people)
      .filter((p) => p.until > now)
      .map((p) => p.name);
    if (names.length) out[taskId] = names;
  }
  return out;
}

/** Tells the other members this card is open here, and keeps telling them while it is. */
export function useAnnounceEditing(taskId: string, active: boolean) {
  useEffect(() => {
    const socket = getSocket();
    if (!socket || !active) return;
    const announce = () => socket.emit("task:editing", { taskId }, () => {});
    announce();
    // after a reconnect the others' timers may have run out
    socket.on("connect", announce);
    const timer = setInterval(announce, REFRESH_MS);
    return () => {
      socket.off("connect", announce);
      clearInterval(timer);
    };
  }, [taskId, active]);
}
