import { defaultConfig, type AppConfig } from "../../app/domain/context";
import { createEventBus, type DomainEvent } from "../../app/domain/events";
import { createServices } from "../../app/domain/services";
import { createTestDb, type TestDb } from "./db";

export interface TestServices {
  testDb: TestDb;
  services: ReturnType<typeof createServices>;
  /** Events published (after commit) so far. */
  events: DomainEvent[];
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
  // frozen at creation so tests can compare exact instants; advance() moves it
  const clock = {
    now: new Date(),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const services = createServices({ db: testDb.db, events: bus, now: () => clock.now, config: { ...defaultConfig, ...config } });
  return { testDb, services, events, clock };
}
