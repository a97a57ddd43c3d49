/** The clock guards check session expiry against; tests move it. */
export const SESSION_CLOCK = Symbol('SESSION_CLOCK');

export type SessionClock = () => Date;
