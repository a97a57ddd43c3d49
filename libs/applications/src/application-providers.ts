/** Now, for every decision (APP-7 counts days from it); tests replace it. */
export const APPLICATION_CLOCK = Symbol('ApplicationClock');
export type ApplicationClock = () => Date;

/** Japan's public holidays for the APP-7 warnings. */
export const HOLIDAY_CALENDAR = Symbol('HolidayCalendar');
