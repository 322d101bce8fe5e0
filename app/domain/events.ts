// The closed list of domain events, published after the transaction commits.
// The socket server turns them into room broadcasts.

export interface DomainEventMap {
  "user.sessions_revoked": { userId: string };
  "session.ended": { sessionId: string };
  "operation.updated": { operationId: string };
  "operation.membership_changed": { operationId: string; userId: string; removed: boolean };
}
export type DomainEventName = keyof DomainEventMap;
export type DomainEvent = { [K in DomainEventName]: { name: K; payload: DomainEventMap[K] } }[DomainEventName];

type Listener = (event: DomainEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(listener: Listener): () => void;
}

export function createEventBus(onError: (err: unknown) => void = () => {}): EventBus {
  const listeners = new Set<Listener>();
  return {
    publish(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          onError(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
