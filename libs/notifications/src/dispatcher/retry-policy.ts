export interface RetryPolicy {
  /** Delay before the second attempt. */
  readonly initialDelayMs: number;
  /** No delay grows beyond this. */
  readonly maxDelayMs: number;
  /** After this many failed attempts the delivery is marked failed. */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 10,
};

/**
 * Exponential backoff with "equal jitter": half the capped delay plus a random part of the other
 * half, so dispatchers failing together do not retry in lockstep, yet never retry at once.
 */
export function retryDelayMs(policy: RetryPolicy, failedAttempts: number, random: number): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const capped = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
  return Math.round(capped / 2 + (capped / 2) * Math.min(Math.max(random, 0), 1));
}
