import type { SessionClock } from './auth/session-clock';
import type { Argon2QueueLimits } from './credentials/password-hasher';
import type { ActionThrottleLimits } from './throttling/action-throttle';
import type { LoginThrottleLimits } from './throttling/login-throttle';

export interface AccountsModuleOptions {
  readonly loginThrottle?: LoginThrottleLimits;
  readonly actionThrottle?: ActionThrottleLimits;
  readonly argon2Queue?: Argon2QueueLimits;
  /** ACC-8: the back office's contact address that messages name (default the FAQ's). */
  readonly backOfficeContact?: string;
  /** ASVS 16: days a security event is kept before the scheduled purge drops it. */
  readonly securityEventsRetentionDays?: number;
  /** ACC-9: the issuer authenticator apps show beside the user ID (default 高圧Bルートサービス). */
  readonly mfaIssuer?: string;
  /**
   * The clock every account decision, session and job reads. Only end-to-end specs pass one, to
   * move time (ACC-2's 30 minutes, ACC-7's year); production takes the system clock.
   */
  readonly clock?: SessionClock;
}
