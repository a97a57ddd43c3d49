/**
 * A calendar day as a count of days since 1970-01-01. Day arithmetic is then integer arithmetic,
 * and nothing depends on the time zone the process runs in.
 */
export type CalendarDay = number & { readonly __brand: 'CalendarDay' };

const MS_PER_DAY = 86_400_000;
// Japan has kept UTC+9, without daylight saving, since 1952.
const JAPAN_OFFSET_MS = 9 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** A `YYYY-MM-DD` day, or undefined when the text is not one (2026-02-30, 2026-2-3, …). */
export function parseCalendarDay(text: string): CalendarDay | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const candidate = calendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to March 2 (and years below 100 into the 1900s): a day that
  // does not exist does not come back as the same text.
  return formatCalendarDay(candidate) === text ? candidate : undefined;
}

/** The day it was in Japan at that instant, wherever this process runs. */
export function japanDayOf(instant: Date): CalendarDay {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('an invalid Date has no day');
  return Math.floor((time + JAPAN_OFFSET_MS) / MS_PER_DAY) as CalendarDay;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return (day + days) as CalendarDay;
}

export function formatCalendarDay(day: CalendarDay): string {
  return toDate(day).toISOString().slice(0, 10);
}

/** As people read it (DOMAIN.md, Wording): 2026/02/02. */
export function formatJapanese(day: CalendarDay): string {
  return formatCalendarDay(day).replaceAll('-', '/');
}

export function yearOf(day: CalendarDay): number {
  return toDate(day).getUTCFullYear();
}

/** 1–12 and 1–31. */
export function monthAndDayOf(day: CalendarDay): { readonly month: number; readonly day: number } {
  const date = toDate(day);
  return { month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function calendarDay(year: number, month: number, day: number): CalendarDay {
  return (Date.UTC(year, month - 1, day) / MS_PER_DAY) as CalendarDay;
}

export function isWeekend(day: CalendarDay): boolean {
  const weekday = toDate(day).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function toDate(day: CalendarDay): Date {
  return new Date(day * MS_PER_DAY);
}
