import type { AttemptCounters } from './attempt-counters';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from './login-throttle';

describe('LoginThrottle delay', () => {
  const throttle = new LoginThrottle({} as AttemptCounters, DEFAULT_LOGIN_THROTTLE);
  const delayAt = (failuresFromAddress: number) =>
    throttle.delayAfterFailure({ keys: [], failuresFromAddress });

  it('answers an office’s mistypes at once, then holds each further wrong guess a little longer, up to a ceiling', () => {
    expect(delayAt(1)).toBe(0);
    expect(delayAt(DEFAULT_LOGIN_THROTTLE.freeFailuresPerAddress)).toBe(0);
    const first = delayAt(DEFAULT_LOGIN_THROTTLE.freeFailuresPerAddress + 1);
    const later = delayAt(DEFAULT_LOGIN_THROTTLE.freeFailuresPerAddress + 5);
    expect(first).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(first);
    expect(delayAt(DEFAULT_LOGIN_THROTTLE.maxFailuresPerAddress)).toBe(
      DEFAULT_LOGIN_THROTTLE.maxDelayMs,
    );
  });
});
