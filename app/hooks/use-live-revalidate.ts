import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useOperationChannel, type JoinState } from "./use-socket";

/** Bursts of updates (a board reordered, a batch import) become one reload of the page's data. */
const COALESCE_MS = 250;

/**
 * Reloads the page's loader data when someone changes this operation, after a
 * reconnect (updates may have been missed), and when the reader's access is
 * revoked (the loader then answers 404 and the page says so).
 */
export function useLiveRevalidate(operationId: string | null | undefined): JoinState {
  const revalidator = useRevalidator();
  const revalidateRef = useRef(revalidator.revalidate);
  useEffect(() => {
    revalidateRef.current = revalidator.revalidate;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  const schedule = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      revalidateRef.current();
    }, COALESCE_MS);
  };

  return useOperationChannel(operationId, {
    onUpdated: schedule,
    onJoined: ({ rejoin }) => {
      if (rejoin) schedule();
    },
    onAccessRevoked: schedule,
  });
}
