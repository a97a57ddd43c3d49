/** Now, for every decision (APP-7 counts days from it); tests replace it. */
export const APPLICATION_CLOCK = Symbol('ApplicationClock');
export type ApplicationClock = () => Date;

/** Japan's public holidays for the APP-7 warnings. */
export const HOLIDAY_CALENDAR = Symbol('HolidayCalendar');

/** Names of the read models (projections) a mutation waits for before it answers. */
export const APPLICATION_READ_MODELS = Symbol('ApplicationReadModels');

export interface ApplicationsModuleOptions {
  /** The domain clock (APP-7 counts days from it); end-to-end specs move it. */
  readonly clock?: ApplicationClock;
  /** Read models fed by application events, waited for after each write (read-your-writes). */
  readonly readModels?: readonly string[];
}
