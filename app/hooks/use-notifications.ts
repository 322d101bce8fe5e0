import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getSocket } from "./use-socket";

/** Refreshes the page's data (and so the unread count) when a notification arrives. */
export function useNotificationsLive(enabled: boolean) {
  const revalidator = useRevalidator();
  const ref = useRef(revalidator);
  ref.current = revalidator;
  useEffect(() => {
    if (!enabled) return;
    const socket = getSocket();
    if (!socket) return;
    const onNew = () => {
      if (ref.current.state === "idle") ref.current.revalidate();
    };
    socket.on("notification:new", onNew);
    return () => {
      socket.off("notification:new", onNew);
    };
  }, [enabled]);
}
