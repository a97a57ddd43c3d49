import {
  DomainError,
  ErrorCode,
  WrongExpectedRevisionError,
  type Actor,
  type Checkpoint,
} from '@app/event-sourcing';
import { accessRefusal } from '../domain/application-access';
import { applicationErrors, type ApplicationError } from '../domain/application-error';
import type { ApplicationCommand, ApplicationCommandType } from '../domain/application.command';
import { decide } from '../domain/application.decide';
import type { ApplicationEvent, ApplicationMeteringPoint } from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import type { ApplicationState } from '../domain/application.state';
import { pointHoldsOf, type PointClaim, type PointHolds } from '../domain/point-holds';
import type { ApplicationCommandMetadata, ApplicationRepository } from './application-repository';
import type { MeteringPoints } from './metering-points';
import { applicationMessages } from '../messages';

export interface ApplicationCommandOutcome {
  /** The aggregate after the decision's events: what a mutation answers from. */
  readonly state: ApplicationState;
  readonly revision: number;
  /** Where the append landed, for read-your-writes waits; null when nothing was appended. */
  readonly checkpoint: Checkpoint | null;
}

export interface ApplicationCommandRequest {
  readonly applicationId: number;
  readonly type: ApplicationCommandType;
  /** null for a submission, which must start the stream. */
  readonly expectedRevision: number | null;
  readonly metadata: ApplicationCommandMetadata;
  /** The command, made from the loaded state once access is granted (validation, sealing). */
  readonly command: (state: ApplicationState) => ApplicationCommand | Promise<ApplicationCommand>;
}

export interface RunnerLogger {
  error(message: string, context?: unknown): void;
}

/**
 * Load, check access, check the expected revision, decide, hold the metering points, append,
 * release them. Refusals throw a DomainError and write nothing, in the stream or the registry.
 */
export class ApplicationCommandRunner {
  constructor(
    private readonly repository: ApplicationRepository,
    private readonly points: MeteringPoints,
    private readonly clock: () => Date,
    private readonly logger: RunnerLogger,
  ) {}

  async run(request: ApplicationCommandRequest): Promise<ApplicationCommandOutcome> {
    const { applicationId, metadata } = request;
    const { state, revision } = await this.repository.load(applicationId);
    const refusal = accessRefusal(request.type, state, metadata.actor);
    if (refusal !== null) throw domainError(refusal);
    // A stale revision is told only to whoever may see the application (checked just above).
    if (request.expectedRevision !== null && request.expectedRevision !== revision) {
      throw domainError(applicationErrors.staleRevision());
    }
    const command = await request.command(state);
    const now = this.clock();
    const decision = decide(command, state, now);
    if (!decision.ok) throw domainError(decision.error);
    const holds = decision.events.map((event) => ({ event, holds: pointHoldsOf(state, event) }));
    const claimed = await this.claim(applicationId, holds, metadata.actor);
    let appended;
    try {
      appended = await this.repository.save(
        applicationId,
        decision.events,
        revision,
        metadata,
        now,
      );
    } catch (error) {
      await this.abandon(applicationId, claimed, metadata.actor);
      if (error instanceof WrongExpectedRevisionError) {
        throw domainError(applicationErrors.staleRevision());
      }
      throw error;
    }
    await this.release(applicationId, holds, metadata.actor);
    return {
      state: decision.events.reduce(evolve, state),
      revision: appended?.nextExpectedRevision ?? revision,
      checkpoint: appended?.checkpoint ?? null,
    };
  }

  /**
   * MTR-2: one point after the other, in input order; when one is held by another application,
   * the ones taken so far are given back (ABANDONED) and the refusal names the point.
   */
  private async claim(
    applicationId: number,
    holds: readonly { event: ApplicationEvent; holds: PointHolds }[],
    actor: Actor,
  ): Promise<Claimed[]> {
    const claimed: Claimed[] = [];
    for (const { event, holds: wanted } of holds) {
      for (const claim of wanted.claims) {
        try {
          await this.points.claimForApplication(
            claim.pointId,
            { applicationId, kind: wanted.kind, meterId: meterIdOf(event, claim) },
            actor,
          );
          claimed.push({ pointId: claim.pointId, kind: wanted.kind });
        } catch (error) {
          await this.abandon(applicationId, claimed, actor);
          throw claimRefusal(error, claim);
        }
      }
    }
    return claimed;
  }

  private async abandon(applicationId: number, claimed: readonly Claimed[], actor: Actor) {
    for (const { pointId, kind } of claimed) {
      await this.giveBack(pointId, { applicationId, kind, outcome: 'ABANDONED' }, actor);
    }
  }

  private async release(
    applicationId: number,
    holds: readonly { event: ApplicationEvent; holds: PointHolds }[],
    actor: Actor,
  ) {
    for (const { holds: held } of holds) {
      for (const { pointId, outcome } of held.releases) {
        await this.giveBack(pointId, { applicationId, kind: held.kind, outcome }, actor);
      }
    }
  }

  // The application's event is the fact; a release that fails after it leaves the point held
  // until an operator corrects it, which the log tells them. It must not turn the answer into an
  // error: the client would retry a mutation that already happened.
  private async giveBack(
    pointId: string,
    release: Parameters<MeteringPoints['releaseApplication']>[1],
    actor: Actor,
  ): Promise<void> {
    try {
      await this.points.releaseApplication(pointId, release, actor);
    } catch (error) {
      this.logger.error('metering point release failed', { pointId, ...release, error });
    }
  }
}

interface Claimed {
  readonly pointId: string;
  readonly kind: PointHolds['kind'];
}

function meterIdOf(event: ApplicationEvent, claim: PointClaim): string | undefined {
  const points: readonly ApplicationMeteringPoint[] | undefined =
    'meteringPoints' in event.data ? event.data.meteringPoints : undefined;
  return points?.[claim.index]?.meterId;
}

function claimRefusal(error: unknown, claim: PointClaim): unknown {
  if (!(error instanceof DomainError) || error.code !== ErrorCode.CONFLICT) return error;
  return domainError(
    applicationErrors.pointTaken([
      {
        field: `meteringPoints[${claim.index}].pointId`,
        code: 'POINT_TAKEN',
        message: applicationMessages.pointTakenField,
      },
    ]),
  );
}

export function domainError(error: ApplicationError): DomainError {
  return new DomainError(ErrorCode[error.code], error.message, { fields: error.fields });
}
