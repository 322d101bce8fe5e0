import { defaultConfig, type AppConfig } from "../../app/domain/context";
import { createEventBus, type DomainEvent } from "../../app/domain/events";
import { createServices } from "../../app/domain/services";
import { createTestDb, type TestDb } from "./db";

export interface TestServices {
  testDb: TestDb;
  services: ReturnType<typeof createServices>;
  /** Events published (after commit) so far. */
  events: DomainEvent[];
  /** Real time plus an offset: advance() moves it forward, setting `now` pins it to a moment. */
  clock: { now: Date; advance(ms: number): void };
}

/** Services over a fresh database, with a controllable clock and a record of published events. */
export async function createTestServices(config: Partial<AppConfig> = {}): Promise<TestServices> {
  const testDb = await createTestDb();
  const events: DomainEvent[] = [];
  const bus = createEventBus((err) => {
    throw err;
  });
  bus.subscribe((e) => events.push(e));
  // Follows the wall clock (lucia checks expiry with it), so a slow machine does not
  // leave the services' "now" behind the sessions they validate.
  let offset = 0;
  const clock = {
    get now() {
      return new Date(Date.now() + offset);
    },
    set now(at: Date) {
      offset = at.getTime() - Date.now();
    },
    advance(ms: number) {
      offset += ms;
    },
  };
  const services = createServices({ db: testDb.db, events: bus, now: () => clock.now, config: { ...defaultConfig, ...config } });
  return { testDb, services, events, clock };
}
