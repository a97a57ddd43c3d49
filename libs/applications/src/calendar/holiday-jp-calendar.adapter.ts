import holidayJp from '@holiday-jp/holiday_jp';
import { parseCalendarDay, type CalendarDay } from '../domain/calendar-day';
import type { HolidayCalendar } from '../domain/holiday-calendar';

let days: readonly CalendarDay[] | undefined;

/**
 * The holidays of `@holiday-jp/holiday_jp`, read from its table's `YYYY-MM-DD` keys, which are
 * Japan calendar days already. Its `isHoliday(Date)` and `between` read a Date's local-time
 * getters, and `between` hands back UTC midnights, which local getters west of Greenwich read as
 * the day before: passing no Date at all keeps the answer the same in every TZ.
 */
export const holidayJpCalendar: HolidayCalendar = {
  holidaysBetween(first, last) {
    days ??= Object.keys(holidayJp.holidays).flatMap((key) => parseCalendarDay(key) ?? []);
    return days.filter((day) => day >= first && day <= last);
  },
};
