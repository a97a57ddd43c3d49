import { Inject, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EVENT_STORE, JobLock, type EventStore } from '@app/event-sourcing';
import { APPLICATION_CLOCK, type ApplicationClock } from '../application-providers';
import { PointSettlementProcess } from './point-settlement.process';

const SETTLE_POINTS_JOB = 'applications.settle-points';

/**
 * A claim older than this with no application event behind it was cut off by a crash: a command
 * in flight finishes within seconds, so ten minutes leaves every live one alone.
 */
export const SETTLEMENT_DEADLINE_MS = 10 * 60_000;

/**
 * MTR-2 on a store that appends several streams one after the other (EventStoreDB): every minute,
 * in one process at a time, settle the commands a crash cut in half. On a store whose
 * multi-stream appends are atomic there is never anything to settle, so it does nothing there.
 */
export class PointSettlementJob {
  private readonly logger = new Logger('PointSettlementJob');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(JobLock) private readonly lock: JobLock,
    @Inject(PointSettlementProcess) private readonly process: PointSettlementProcess,
    @Inject(APPLICATION_CLOCK) private readonly clock: ApplicationClock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: SETTLE_POINTS_JOB, waitForCompletion: true })
  async settleHalfDoneCommands(): Promise<number | null> {
    if (this.store.appendsAtomically) return null;
    try {
      const settled = await this.lock.runExclusive(SETTLE_POINTS_JOB, () =>
        this.process.settle(this.clock()),
      );
      for (const { pointId, applicationId, outcome } of settled ?? [])
        this.logger.warn(`settled point ${pointId} of application ${applicationId}: ${outcome}`);
      return settled?.length ?? null;
    } catch (error) {
      this.logger.error(
        `${SETTLE_POINTS_JOB} failed`,
        error instanceof Error ? error.stack : String(error),
      );
      return null;
    }
  }
}
