import { createHash } from 'node:crypto';
import type { AttemptCounters } from './attempt-counters';
import { throttleGroupOf } from './client-address-group';

export interface LoginThrottleLimits {
  /** Wrong guesses one address may make at one user ID per window (locked or unknown IDs too). */
  readonly maxFailuresPerUserAndAddress: number;
  readonly userAndAddressWindowMs: number;
  /** Wrong guesses one address (an IPv6 /64) may make at all user IDs per window. */
  readonly maxFailuresPerAddress: number;
  readonly addressWindowMs: number;
  /** Failures of an address answered at once; each further one waits `delayStepMs` longer. */
  readonly freeFailuresPerAddress: number;
  readonly delayStepMs: number;
  readonly maxDelayMs: number;
}

/**
 * Issue 11: one NAT address is a whole office, so the ceiling per address is far above what people
 * mistyping reach (a few hundred an hour), and a guesser meets a growing delay long before it.
 */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleLimits = {
  maxFailuresPerUserAndAddress: 10,
  userAndAddressWindowMs: 15 * 60_000,
  maxFailuresPerAddress: 300,
  addressWindowMs: 60 * 60_000,
  freeFailuresPerAddress: 20,
  delayStepMs: 250,
  maxDelayMs: 5_000,
};

/** A login attempt that the throttle let through: settle it once the password is checked. */
export interface AdmittedLogin {
  readonly keys: readonly string[];
  readonly failuresFromAddress: number;
}

/**
 * Counts wrong guesses, never people: an attempt is counted before its password is checked (one
 * atomic upsert, so concurrent guesses from many processes cannot slip past the ceiling) and the
 * count is taken back when the password was right. A refused attempt costs no argon2 verify and
 * records no event, so it never counts towards ACC-4's lock either.
 */
export class LoginThrottle {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly limits: LoginThrottleLimits,
  ) {}

  /** null: too many wrong guesses from this address (at this user ID, or at all). */
  async admit(userId: string, clientAddress: string, now: Date): Promise<AdmittedLogin | null> {
    const group = throttleGroupOf(clientAddress);
    const pair = `login-failures:pair:${createHash('sha256').update(`${userId}\u0000${group}`).digest('hex')}`;
    const address = `login-failures:address:${group}`;
    const counts = await this.counters.count(
      [
        { key: pair, windowMs: this.limits.userAndAddressWindowMs },
        { key: address, windowMs: this.limits.addressWindowMs },
      ],
      now,
    );
    const keys = [pair, address];
    const failuresFromAddress = counts.get(address) ?? Number.POSITIVE_INFINITY;
    if (
      (counts.get(pair) ?? Number.POSITIVE_INFINITY) > this.limits.maxFailuresPerUserAndAddress ||
      failuresFromAddress > this.limits.maxFailuresPerAddress
    ) {
      // Not a guess: the password was never checked.
      await this.counters.uncount(keys);
      return null;
    }
    return { keys, failuresFromAddress };
  }

  /** The password was right: the attempt was no guess and does not count. */
  succeeded(admitted: AdmittedLogin): Promise<void> {
    return this.counters.uncount(admitted.keys);
  }

  /** How long to hold the answer to this wrong guess: nothing for the first ones, then growing. */
  delayAfterFailure(admitted: AdmittedLogin): number {
    const excess = admitted.failuresFromAddress - this.limits.freeFailuresPerAddress;
    if (excess <= 0) return 0;
    return Math.min(this.limits.maxDelayMs, excess * this.limits.delayStepMs);
  }
}
