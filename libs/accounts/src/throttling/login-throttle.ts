import type { DataSource } from 'typeorm';

export interface LoginThrottleLimits {
  /** Attempts one client address may make per window; the next one is refused. */
  readonly maxAttempts: number;
  readonly windowMs: number;
}

/** About what a password-guessing script gets from one address; a person never reaches it. */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleLimits = {
  maxAttempts: 10,
  windowMs: 5 * 60_000,
};

/**
 * Counts login attempts per client address in the database, so N API processes behind one load
 * balancer share one count. A fixed window starting at the address's first attempt: one row, one
 * atomic upsert per attempt, no read-then-write race. Refused attempts count too, so a script
 * that keeps trying does not get a fresh window early; the window still ends on time.
 */
export class LoginThrottle {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: LoginThrottleLimits,
  ) {
    const options = dataSource.options as { schema?: string };
    this.table = `"${options.schema ?? 'public'}".login_throttle`;
  }

  /** Counts this attempt; false when the address has used up its window. */
  async admit(clientAddress: string, now: Date): Promise<boolean> {
    const windowStartedBefore = new Date(now.getTime() - this.limits.windowMs);
    const rows: { attempts: number }[] = await this.dataSource.query(
      `INSERT INTO ${this.table} AS t (client_address, window_started_at, attempts)
       VALUES ($1, $2, 1)
       ON CONFLICT (client_address) DO UPDATE SET
         window_started_at = CASE WHEN t.window_started_at <= $3 THEN $2 ELSE t.window_started_at END,
         attempts = CASE WHEN t.window_started_at <= $3 THEN 1 ELSE t.attempts + 1 END
       RETURNING attempts`,
      [clientAddress, now, windowStartedBefore],
    );
    return (rows[0]?.attempts ?? Number.POSITIVE_INFINITY) <= this.limits.maxAttempts;
  }

  /** Drops windows that have ended; returns how many. */
  async purgeEnded(now: Date): Promise<number> {
    const windowStartedBefore = new Date(now.getTime() - this.limits.windowMs);
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE window_started_at <= $1`,
      [windowStartedBefore],
    );
    return deleted;
  }
}
