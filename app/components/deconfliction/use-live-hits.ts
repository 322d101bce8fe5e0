import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getSocket } from "../../hooks/use-socket";

/**
 * Reloads the page's data when the server says a new hit concerns the reader
 * (the event carries the hit's id only; the loader decides what the reader may see).
 */
export function useLiveHits(onNew?: (hitId: string) => void) {
  const revalidator = useRevalidator();
  const ref = useRef({ revalidator, onNew });
  ref.current = { revalidator, onNew };
  useEffect(() => {
    const socket = getSocket();
    if (!socket) return;
    const handler = ({ hitId }: { hitId: string }) => {
      ref.current.onNew?.(hitId);
      if (ref.current.revalidator.state === "idle") ref.current.revalidator.revalidate();
    };
    socket.on("deconfliction:hit", handler);
    return () => {
      socket.off("deconfliction:hit", handler);
    };
  }, []);
}
