// The one way a socket event reaches the domain: rate limit -> zod parse -> service
// call -> ack. Whatever goes wrong becomes an error ack; nothing escapes to crash the process.
import type { Logger } from "pino";
import type { Socket } from "socket.io";
import type { z } from "zod";
import { isDomainError, RateLimited } from "../../../domain/errors";
import type { Services } from "../../../domain/services";
import { parseInput } from "../../../domain/validation";
import type { Ack, AckResult, ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "../protocol";
import type { SocketRateLimiter } from "../rate-limit";

export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface HandlerContext {
  services: Services;
  logger: Logger;
}

type EventName = keyof ClientToServerEvents;
type AckData<E extends EventName> = Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

/** Splits socket.io's arguments into the payload and the ack, if the client asked for one. */
export function splitAck(args: unknown[]): { payload: unknown; ack: Ack<never> | undefined } {
  const last = args[args.length - 1];
  const ack = typeof last === "function" ? (last as Ack<never>) : undefined;
  return { payload: args[0] === last && ack ? undefined : args[0], ack };
}

function safeAck(ack: Ack<never> | undefined, res: AckResult<never>, logger: Logger) {
  try {
    ack?.(res);
  } catch (err) {
    logger.warn({ err }, "socket ack failed");
  }
}

/** Turns a thrown error into an error ack; never lets a handler crash the process. */
export function ackError(ack: Ack<never> | undefined, err: unknown, logger: Logger) {
  if (isDomainError(err)) {
    const fields = Object.keys(err.fields).length > 0 ? err.fields : undefined;
    return safeAck(ack, { ok: false, code: err.code, ...(fields ? { fields } : {}) }, logger);
  }
  logger.error({ err }, "socket handler failed");
  safeAck(ack, { ok: false, code: "internal" }, logger);
}

/**
 * Registers a thin handler. The payload is parsed with `schema` before `run`
 * sees it; `limiter` (if any) is checked first, so a flood of malformed events
 * costs nothing either.
 */
export function handle<E extends EventName, S extends z.ZodTypeAny>(
  ctx: HandlerContext,
  socket: IoSocket,
  event: E,
  opts: { schema: S; limiter?: SocketRateLimiter },
  run: (input: z.output<S>) => Promise<AckData<E> | void>,
) {
  const listener = async (...args: unknown[]) => {
    const { payload, ack } = splitAck(args);
    try {
      if (opts.limiter && !opts.limiter.take(socket)) throw RateLimited();
      const input = parseInput(opts.schema, payload);
      const data = await run(input);
      safeAck(ack, (data === undefined ? { ok: true } : { ok: true, data }) as AckResult<never>, ctx.logger);
    } catch (err) {
      ackError(ack, err, ctx.logger);
    }
  };
  // the typed signature cannot express "payload not yet validated": the listener takes unknowns on purpose
  socket.on(event, listener as never);
}
