/**
 * Calendar days, as the integration counts them: in Home Assistant's time zone.
 *
 * A day is an ISO date string ("2026-12-16"). The integration's timestamps are
 * local midnights; their day is read in Home Assistant's time zone, never the
 * browser's, so a phone abroad shows the same days as the line's sensors.
 */

const DAY_MS = 86_400_000;

/** Return the day an instant falls on in a time zone. */
export function dayOf(instant: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  const part = (type: string): string =>
    parts.find((each) => each.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Return the day of an instant given as text, or null when it is no instant. */
export function dayOfTimestamp(
  value: string | undefined,
  timeZone: string,
): string | null {
  if (value === undefined || Number.isNaN(Date.parse(value))) {
    return null;
  }
  return dayOf(value, timeZone);
}

/** Return midnight UTC of a day, the one instant that names it everywhere. */
function utcMidnight(day: string): number {
  const [year, month, date] = day.split("-").map(Number);
  return Date.UTC(year, month - 1, date);
}

/** Return the day some days after (or, negative, before) another. */
export function addDays(day: string, days: number): string {
  return new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Return how many days lie from one day to another: 1 from today to tomorrow. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Return a day in words, in a language: "Dec 16" or "12月16日". */
export function formatDay(
  day: string,
  language: string,
  options: Intl.DateTimeFormatOptions = { month: "short", day: "numeric" },
): string {
  return new Intl.DateTimeFormat(language, { ...options, timeZone: "UTC" }).format(
    utcMidnight(day),
  );
}
