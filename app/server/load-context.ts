import type { Logger } from "pino";
import type { Services } from "../domain/services";

// What every loader and action receives from the custom server (getLoadContext).
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    services: Services;
    cspNonce: string;
    requestId: string;
    ip: string | null;
    logger: Logger;
  }
}

export type { AppLoadContext } from "@remix-run/server-runtime";
