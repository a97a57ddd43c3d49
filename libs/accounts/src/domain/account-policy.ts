const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** ACC-2: the verification link works for 30 minutes, the 30th included. */
export const VERIFICATION_WINDOW_MS = 30 * MINUTE;

/** ACC-5: an initial password (unlock, reset, new operator) must be replaced within 72 hours. */
export const INITIAL_PASSWORD_LIFETIME_MS = 72 * HOUR;

/** ACC-9: no password re-initialisation within 24 hours of an e-mail change. */
export const RESET_AFTER_EMAIL_CHANGE_MS = 24 * HOUR;

/** ACC-4: the third consecutive wrong password locks the account. */
export const FAILURES_BEFORE_LOCK = 3;

export function later(instant: string | Date, milliseconds: number): string {
  return new Date(new Date(instant).getTime() + milliseconds).toISOString();
}

/** True when `now` is strictly after `deadline`: a deadline's own instant still counts. */
export function isPast(deadline: string, now: Date): boolean {
  return now.getTime() > Date.parse(deadline);
}

/**
 * ACC-7: one calendar year after the last use, in UTC (2026-03-10T09:00Z → 2027-03-10T09:00Z).
 * A 29 February rolls over to 1 March, so the year is never shorter than 365 days.
 */
export function oneYearAfter(instant: string): string {
  const date = new Date(instant);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString();
}
