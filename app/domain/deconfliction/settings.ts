import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { deconflictionSettings } from "../../../db/schema/index";
import { DEFAULT_SETTINGS } from "./vocabulary";

export interface DeconflictionSettings {
  personThreshold: number;
  eventBufferM: number;
  eventBufferMinutes: number;
  escalationHours: number;
}

/** The office's settings; the defaults until someone saves them. */
export async function loadSettings(db: DbOrTx): Promise<DeconflictionSettings> {
  const [row] = await db.select().from(deconflictionSettings).where(eq(deconflictionSettings.id, 1));
  if (!row) return { ...DEFAULT_SETTINGS };
  return {
    // real is single precision: 0.85 comes back as 0.8500000238
    personThreshold: Math.round(row.personThreshold * 1000) / 1000,
    eventBufferM: row.eventBufferM,
    eventBufferMinutes: row.eventBufferMinutes,
    escalationHours: row.escalationHours,
  };
}
