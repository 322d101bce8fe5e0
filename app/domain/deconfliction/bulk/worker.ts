import type { ServiceDeps } from "../../context";
import { dropAbandonedBulkUploads, runNextBulkCheck } from "./run-bulk-check";

export interface BulkWorker {
  /** Finishes the batch in hand, leaves the rest of the run to the next claim, resolves when idle. */
  stop(): Promise<void>;
}

/**
 * The process's bulk-check loop: one check at a time, the next claimed as soon
 * as one ends, a look at the queue every `idleMs` while there is none.
 */
export function startBulkWorker(deps: ServiceDeps, { idleMs = 1000, onError }: { idleMs?: number; onError: (err: unknown) => void }): BulkWorker {
  let stopped = false;
  let wake: (() => void) | null = null;
  let lastSweep = 0;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      let ran = false;
      try {
        if (deps.now().getTime() - lastSweep > 3_600_000) {
          lastSweep = deps.now().getTime();
          await dropAbandonedBulkUploads(deps.db, deps.now());
        }
        ran = (await runNextBulkCheck(deps, { shouldStop: () => stopped })) !== null;
      } catch (err) {
        onError(err);
      }
      if (!ran && !stopped) await sleep(idleMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
