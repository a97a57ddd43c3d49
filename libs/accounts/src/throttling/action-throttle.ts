import type { AttemptCounters } from './attempt-counters';
import { throttleGroupOf } from './client-address-group';

export type ThrottledAction = 'register' | 'verify-email' | 'change-password';

export interface ActionLimits {
  /** Requests one address (an IPv6 /64) may make per window. */
  readonly perAddress: number;
  /** Requests all addresses together may make per window: the argon2 work one action may take. */
  readonly overall: number;
  readonly windowMs: number;
}

export type ActionThrottleLimits = Readonly<Record<ThrottledAction, ActionLimits>>;

const HOUR = 60 * 60_000;

export const DEFAULT_ACTION_THROTTLE: ActionThrottleLimits = {
  register: { perAddress: 20, overall: 1_000, windowMs: HOUR },
  'verify-email': { perAddress: 60, overall: 3_000, windowMs: HOUR },
  'change-password': { perAddress: 60, overall: 3_000, windowMs: HOUR },
};

/**
 * The anonymous (registration, e-mail verification) and argon2-heavy (password change) requests,
 * per address and overall. A request refused for its address is taken back from the overall
 * count, so one flooding address cannot spend everybody's budget.
 */
export class ActionThrottle {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly limits: ActionThrottleLimits,
  ) {}

  async admit(action: ThrottledAction, clientAddress: string, now: Date): Promise<boolean> {
    const { perAddress, overall, windowMs } = this.limits[action];
    const address = `${action}:address:${throttleGroupOf(clientAddress)}`;
    const all = `${action}:all`;
    const counts = await this.counters.count(
      [
        { key: address, windowMs },
        { key: all, windowMs },
      ],
      now,
    );
    const admitted =
      (counts.get(address) ?? Number.POSITIVE_INFINITY) <= perAddress &&
      (counts.get(all) ?? Number.POSITIVE_INFINITY) <= overall;
    if (!admitted) await this.counters.uncount([address, all]);
    return admitted;
  }
}
