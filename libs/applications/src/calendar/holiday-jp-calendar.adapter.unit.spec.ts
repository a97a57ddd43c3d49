import holidayJp from '@holiday-jp/holiday_jp';
import { calendarDay, formatCalendarDay } from '../domain/calendar-day';
import { holidayJpCalendar } from './holiday-jp-calendar.adapter';

describe('holiday-jp calendar', () => {
  it('APP-7: Golden Week 2026 is Apr 29 and May 3–6 (May 6 in lieu of Sunday May 3)', () => {
    const days = holidayJpCalendar.holidaysBetween(
      calendarDay(2026, 4, 1),
      calendarDay(2026, 5, 31),
    );
    expect(days.map(formatCalendarDay)).toEqual([
      '2026-04-29',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
    ]);
  });

  it('APP-7: agrees, day by day through 2026, with isHoliday fed local-time Dates in this TZ', () => {
    const first = calendarDay(2026, 1, 1);
    const holidays = new Set(holidayJpCalendar.holidaysBetween(first, calendarDay(2026, 12, 31)));
    for (let offset = 0; offset < 365; offset += 1) {
      const local = new Date(2026, 0, 1 + offset, 12);
      const day = calendarDay(2026, 1, 1 + offset);
      expect([formatCalendarDay(day), holidays.has(day)]).toEqual([
        formatCalendarDay(day),
        holidayJp.isHoliday(local),
      ]);
    }
    expect(holidays.size).toBe(18);
  });
});
