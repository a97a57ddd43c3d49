import type { CalendarDay } from './calendar-day';

/** Japan's public holidays (祝日, 振替休日, 国民の休日); an adapter supplies them, as a clock does time. */
export interface HolidayCalendar {
  /** The holidays from `first` to `last`, both included. */
  holidaysBetween(first: CalendarDay, last: CalendarDay): readonly CalendarDay[];
}
