import { Inject, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobLock } from '@app/event-sourcing';
import { SESSION_CLOCK, type SessionClock } from '../auth/session-clock';
import { SecurityEventLog } from '../security-events/security-event-log';
import { SessionService } from '../sessions/session.service';
import { AttemptCounters } from '../throttling/attempt-counters';
import { InactiveAccountsSweep } from '../use-cases/delete-inactive-accounts/inactive-accounts.sweep';
import { ExpiredRegistrationsSweep } from '../use-cases/expire-registrations/expired-registrations.sweep';

const EXPIRE_REGISTRATIONS_JOB = 'accounts.expire-registrations';
const DELETE_INACTIVE_ACCOUNTS_JOB = 'accounts.delete-inactive-accounts';

/**
 * The accounts context's scheduled work. Every process schedules it (ScheduleModule's cronJobs
 * switch turns it off, e.g. in specs); the job lock lets one process at a time do it.
 */
export class AccountJobs {
  private readonly logger = new Logger('AccountJobs');

  constructor(
    @Inject(JobLock) private readonly lock: JobLock,
    @Inject(ExpiredRegistrationsSweep) private readonly registrations: ExpiredRegistrationsSweep,
    @Inject(InactiveAccountsSweep) private readonly inactive: InactiveAccountsSweep,
    @Inject(AttemptCounters) private readonly counters: AttemptCounters,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
    @Inject(SecurityEventLog) private readonly securityEvents: SecurityEventLog,
  ) {}

  /**
   * ACC-2: within a minute of a link's 30 minutes, its registration is void and the ID free.
   * Ended throttle windows, expired sessions and security events past their retention go too.
   */
  @Cron(CronExpression.EVERY_MINUTE, { name: EXPIRE_REGISTRATIONS_JOB, waitForCompletion: true })
  async expireRegistrations(): Promise<void> {
    await this.logged(EXPIRE_REGISTRATIONS_JOB, () =>
      this.lock.runExclusive(EXPIRE_REGISTRATIONS_JOB, async () => {
        const voided = await this.registrations.run();
        await this.counters.purgeEnded(this.clock());
        await this.sessions.purgeExpired(this.clock());
        await this.securityEvents.purgeExpired();
        return voided;
      }),
    );
  }

  /** ACC-7: daily, at a quiet hour in Japan. */
  @Cron('0 30 3 * * *', {
    name: DELETE_INACTIVE_ACCOUNTS_JOB,
    timeZone: 'Asia/Tokyo',
    waitForCompletion: true,
  })
  async deleteInactiveAccounts(): Promise<void> {
    await this.logged(DELETE_INACTIVE_ACCOUNTS_JOB, () => this.deleteInactiveAccountsNow());
  }

  /** For the command-line tool too: null when another process is running it right now. */
  deleteInactiveAccountsNow(): Promise<number | null> {
    return this.lock.runExclusive(DELETE_INACTIVE_ACCOUNTS_JOB, () => this.inactive.run());
  }

  private async logged(name: string, job: () => Promise<number | null>): Promise<void> {
    try {
      const count = await job();
      if (count) this.logger.log(`${name}: ${count}`);
    } catch (error) {
      this.logger.error(`${name} failed`, error instanceof Error ? error.stack : String(error));
    }
  }
}
