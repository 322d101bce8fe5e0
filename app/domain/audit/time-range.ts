// Calendar dates typed in the reader's time zone, turned into UTC instants for the query.

function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The UTC instant at which the calendar day `date` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfDayInZone(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // Two passes: the offset at the guess may differ from the offset at the answer across a DST change.
  let t = guess - zoneOffsetMs(new Date(guess), timeZone);
  t = guess - zoneOffsetMs(new Date(t), timeZone);
  return new Date(t);
}

/** The calendar day after `date`, as YYYY-MM-DD. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** [from, to) in UTC for a from/to pair of calendar dates, both inclusive, in the reader's zone. */
export function utcRange(from: string | undefined, to: string | undefined, timeZone: string): { from: Date | null; to: Date | null } {
  return {
    from: from ? startOfDayInZone(from, timeZone) : null,
    to: to ? startOfDayInZone(nextDay(to), timeZone) : null,
  };
}
