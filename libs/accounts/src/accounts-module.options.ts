import type { SessionClock } from './auth/session-clock';
import type { LoginThrottleLimits } from './throttling/login-throttle';

export interface AccountsModuleOptions {
  readonly loginThrottle?: LoginThrottleLimits;
  /**
   * The clock every account decision, session and job reads. Only end-to-end specs pass one, to
   * move time (ACC-2's 30 minutes, ACC-7's year); production takes the system clock.
   */
  readonly clock?: SessionClock;
}
