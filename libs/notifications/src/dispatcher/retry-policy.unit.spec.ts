import { retryDelayMs, type RetryPolicy } from './retry-policy';

describe('retry backoff', () => {
  const policy: RetryPolicy = { initialDelayMs: 1000, maxDelayMs: 16_000, maxAttempts: 8 };

  it('doubles per failed attempt, with jitter between half and all of the delay', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never exceeds the cap', () => {
    expect(retryDelayMs(policy, 30, 1)).toBe(16_000);
    expect(retryDelayMs(policy, 1000, 0.5)).toBe(12_000);
  });
});
