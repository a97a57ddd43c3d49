import {
  addDays,
  calendarDay,
  formatCalendarDay,
  formatJapanese,
  isWeekend,
  japanDayOf,
  monthAndDayOf,
  parseCalendarDay,
  yearOf,
  type CalendarDay,
} from './calendar-day';
import type { HolidayCalendar } from './holiday-calendar';
import { applicationMessages, DESIRED_DATE_LABELS } from '../messages';

/** APP-7: the start date is at least this many days after the application date, in Japan. */
export const MINIMUM_LEAD_DAYS = 14;
const LONG_RUN = 3;

export type StartDateErrorCode = 'INVALID_DATE' | 'START_DATE_TOO_SOON';

export interface StartDateError {
  readonly code: StartDateErrorCode;
  /** Japanese, shown to the user. */
  readonly message: string;
}

export type StartDateWarningCode = 'YEAR_END_CLOSURE' | 'CONSECUTIVE_HOLIDAYS';

export interface StartDateWarning {
  readonly code: StartDateWarningCode;
  /** Japanese, shown to the user. */
  readonly message: string;
  /** The days off, `YYYY-MM-DD`, both included. */
  readonly from: string;
  readonly to: string;
}

export type StartDateCheck =
  | { readonly ok: true; readonly warnings: readonly StartDateWarning[] }
  | { readonly ok: false; readonly error: StartDateError };

/**
 * APP-7. Refuses a start date fewer than 14 days after the day the application was made in Japan.
 * Accepts any other with a warning for each stretch of days off between the application date and
 * the start date, both included: the year-end closure (Dec 29 – Jan 3), wholly or in part, and
 * every other run of 3 or more consecutive days off (Saturdays, Sundays and public holidays), such
 * as Golden Week, Silver Week or a three-day weekend. A plain weekend loses no more working days
 * than the 14 days allow for, so it is not warned about.
 */
export function checkDesiredStartDate(
  appliedAt: Date,
  desiredStartDate: string,
  calendar: HolidayCalendar,
  label: string = DESIRED_DATE_LABELS.NEW,
): StartDateCheck {
  const tooSoon = leadTimeRefusal(appliedAt, desiredStartDate, label);
  if (tooSoon !== null) return { ok: false, error: tooSoon };
  const start = parseCalendarDay(desiredStartDate) as CalendarDay;
  return {
    ok: true,
    warnings: warningsBetween(japanDayOf(appliedAt), start, calendar, label),
  };
}

/**
 * APP-7 without the warnings (which need the holiday calendar): what a decision checks whenever
 * the application returns to RECEIVED or its date changes, against the instant of that act.
 */
export function leadTimeRefusal(
  appliedAt: Date,
  desiredStartDate: string,
  label: string = DESIRED_DATE_LABELS.NEW,
): StartDateError | null {
  const start = parseCalendarDay(desiredStartDate);
  if (start === undefined) {
    return { code: 'INVALID_DATE', message: applicationMessages.invalidDate(label) };
  }
  const applied = japanDayOf(appliedAt);
  const earliest = addDays(applied, MINIMUM_LEAD_DAYS);
  if (start >= earliest) return null;
  return {
    code: 'START_DATE_TOO_SOON',
    message: applicationMessages.startDateTooSoon(
      label,
      formatJapanese(applied),
      formatJapanese(earliest),
    ),
  };
}

function warningsBetween(
  first: CalendarDay,
  last: CalendarDay,
  calendar: HolidayCalendar,
  label: string,
): StartDateWarning[] {
  const holidays = new Set(calendar.holidaysBetween(first, last));
  const isDayOff = (day: CalendarDay) =>
    isWeekend(day) || holidays.has(day) || inYearEndClosure(day);
  const warnings: StartDateWarning[] = [];
  for (let year = yearOf(first) - 1; year <= yearOf(last); year += 1) {
    const from = calendarDay(year, 12, 29);
    const to = calendarDay(year + 1, 1, 3);
    if (from <= last && to >= first) {
      warnings.push(
        warning(
          'YEAR_END_CLOSURE',
          applicationMessages.startDateWarning(
            label,
            applicationMessages.yearEndClosure(formatJapanese(from), formatJapanese(to)),
          ),
          from,
          to,
        ),
      );
    }
  }
  // Weekends alone make runs of 2, so every longer run outside the closure holds a holiday:
  // starting from the holidays keeps a start date years ahead cheap to check.
  let coveredUpTo = addDays(first, -1);
  for (const holiday of [...holidays].sort((a, b) => a - b)) {
    if (holiday <= coveredUpTo) continue;
    let from = holiday;
    let to = holiday;
    while (from > first && isDayOff(addDays(from, -1))) from = addDays(from, -1);
    while (to < last && isDayOff(addDays(to, 1))) to = addDays(to, 1);
    coveredUpTo = to;
    if (to - from + 1 >= LONG_RUN && !someDay(from, to, inYearEndClosure)) {
      warnings.push(
        warning(
          'CONSECUTIVE_HOLIDAYS',
          applicationMessages.startDateWarning(
            label,
            applicationMessages.holidays(formatJapanese(from), formatJapanese(to)),
          ),
          from,
          to,
        ),
      );
    }
  }
  return warnings.sort((a, b) => (a.from < b.from ? -1 : 1));
}

function inYearEndClosure(day: CalendarDay): boolean {
  const { month, day: dayOfMonth } = monthAndDayOf(day);
  return (month === 12 && dayOfMonth >= 29) || (month === 1 && dayOfMonth <= 3);
}

function someDay(
  from: CalendarDay,
  to: CalendarDay,
  predicate: (day: CalendarDay) => boolean,
): boolean {
  for (let day = from; day <= to; day = addDays(day, 1)) if (predicate(day)) return true;
  return false;
}

function warning(
  code: StartDateWarningCode,
  message: string,
  from: CalendarDay,
  to: CalendarDay,
): StartDateWarning {
  return {
    code,
    message,
    from: formatCalendarDay(from),
    to: formatCalendarDay(to),
  };
}
