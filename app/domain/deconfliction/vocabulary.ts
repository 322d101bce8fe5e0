// Closed lists of the deconfliction workflow; pure, so forms and the schema share them.
export const HIT_KINDS = ["target", "event"] as const;
export type HitKind = (typeof HIT_KINDS)[number];

/** A hit moves forward only: new → acknowledged → in_contact → resolved. */
export const HIT_STATUSES = ["new", "acknowledged", "in_contact", "resolved"] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

export const HIT_OUTCOMES = ["coordinated", "no_conflict", "joint_action", "deferred"] as const;
export type HitOutcome = (typeof HIT_OUTCOMES)[number];

export const DEFAULT_SETTINGS = {
  personThreshold: 0.85,
  eventBufferM: 500,
  eventBufferMinutes: 30,
  escalationHours: 2,
} as const;
