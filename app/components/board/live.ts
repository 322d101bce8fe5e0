import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getSocket } from "../../hooks/use-socket";

const DEBOUNCE_MS = 150;

/**
 * Refetches the board when anyone changes it. The operation layout already follows
 * the operation's room (membership checked by the server); this listens to the
 * board's own event, which carries ids only, and reloads what the reader may see.
 */
export function useBoardLive(operationId: string) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  useEffect(() => {
    revalidate.current = revalidator.revalidate;
  });
  useEffect(() => {
    const socket = getSocket();
    if (!socket) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = (p: { operationId: string }) => {
      if (p.operationId !== operationId) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        revalidate.current();
      }, DEBOUNCE_MS);
    };
    socket.on("board:changed", onChange);
    return () => {
      socket.off("board:changed", onChange);
      if (timer) clearTimeout(timer);
    };
  }, [operationId]);
}
