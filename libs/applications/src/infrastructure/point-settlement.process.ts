import {
  commandMetadata,
  type Actor,
  type CommandRunner,
  type EventStore,
  type RecordedEvent,
} from '@app/event-sourcing';
import { applicationStream } from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import { initialState } from '../domain/application.state';
import type { HoldOutcome } from '../domain/point-holds';
import { pointSettlement, type HeldClaim } from '../domain/point-settlement';
import type { MeteringPoints } from './metering-points';
import { toApplicationEvent } from './recorded-application-event';

const SETTLEMENT: Actor = { id: 'applications:point-settlement', role: 'SYSTEM' };

export interface Settled {
  readonly pointId: string;
  readonly applicationId: number;
  readonly outcome: HoldOutcome;
}

/**
 * The process manager that settles half-done MTR-2 commands on a store that cannot append to
 * several streams atomically (EventStoreDB), from the events alone: it reads every open claim
 * off the points' streams, the claiming application off its own, and appends the release that
 * `pointSettlement` decides, through the command runner (expected revisions: a command that
 * moved the point meanwhile wins, and the next pass looks again).
 */
export class PointSettlementProcess {
  constructor(
    private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly points: MeteringPoints,
    private readonly deadlineMs: number,
  ) {}

  async settle(now: Date): Promise<Settled[]> {
    const settled: Settled[] = [];
    for (const claim of await this.openClaims()) {
      const recorded = await this.store.readStream(applicationStream(claim.applicationId));
      const application = {
        state: recorded.map(toApplicationEvent).reduce(evolve, initialState),
        correlationIds: new Set(recorded.map((event) => event.metadata.correlationId)),
      };
      const outcome = pointSettlement(claim, application, now, this.deadlineMs);
      if (outcome === null) continue;
      const { state } = application;
      const kind = state.status === 'NOT_SUBMITTED' ? claim.kind : state.kind;
      await this.runner.run(commandMetadata(SETTLEMENT), (scope) =>
        this.points.releaseApplication(scope, claim.pointId, {
          applicationId: claim.applicationId,
          kind,
          outcome,
        }),
      );
      settled.push({ pointId: claim.pointId, applicationId: claim.applicationId, outcome });
    }
    return settled;
  }

  private async openClaims(): Promise<(HeldClaim & { kind: 'NEW' | 'TERMINATION' })[]> {
    const open = new Map<string, HeldClaim & { kind: 'NEW' | 'TERMINATION' }>();
    let after: string | null = null;
    for (;;) {
      const batch = await this.store.readAll({
        after,
        filter: {
          streamPrefixes: ['metering-point-'],
          types: ['ApplicationClaimedPoint', 'ApplicationReleasedPoint'],
        },
      });
      for (const event of batch.events) this.follow(open, event);
      after = batch.checkpoint;
      if (batch.isEnd) return [...open.values()];
    }
  }

  private follow(
    open: Map<string, HeldClaim & { kind: 'NEW' | 'TERMINATION' }>,
    event: RecordedEvent,
  ): void {
    const data = event.data as {
      pointId: string;
      applicationId: number;
      applicationKind: 'NEW' | 'TERMINATION';
    };
    if (event.type === 'ApplicationReleasedPoint') {
      open.delete(data.pointId);
      return;
    }
    open.set(data.pointId, {
      pointId: data.pointId,
      applicationId: data.applicationId,
      kind: data.applicationKind,
      correlationId: event.metadata.correlationId,
      claimedAt: event.metadata.occurredAt,
    });
  }
}
