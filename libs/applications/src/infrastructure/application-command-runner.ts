import {
  DomainError,
  ErrorCode,
  WrongExpectedRevisionError,
  acceptedOrThrow,
  domainErrorOf,
  type Checkpoint,
  type CommandMetadata,
  type CommandRunner,
  type CommandScope,
} from '@app/event-sourcing';
import { accessRefusal } from '../domain/application-access';
import { applicationErrors } from '../domain/application-error';
import type { ApplicationCommand, ApplicationCommandType } from '../domain/application.command';
import type { ApplicationEvent } from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import type { ApplicationState } from '../domain/application.state';
import { pointHoldsOf, type PointClaim } from '../domain/point-holds';
import { applicationAggregate } from './application-repository';
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
  /**
   * The application; for a submission, how to open one (once, at the command's `now`, in the first
   * attempt's scope): its stream is new, so nothing of it is read.
   */
  readonly applicationId: number | ((now: Date, scope: CommandScope) => Promise<number>);
  readonly type: ApplicationCommandType;
  /** null when the client names none (a submission starts the stream). */
  readonly expectedRevision: number | null;
  readonly metadata: CommandMetadata;
  /** The command, made from the loaded state once access is granted (validation at `now`). */
  readonly command: (
    state: ApplicationState,
    now: Date,
  ) => ApplicationCommand | Promise<ApplicationCommand>;
}

/**
 * The kernel's runner on an application and the metering points its events hold or let go of:
 * MTR-2's claims and OPS-4's releases are decided in the same command and appended in the same
 * atomic append as the application's events. A refusal writes nothing anywhere.
 */
export class ApplicationCommandRunner {
  constructor(
    private readonly runner: CommandRunner,
    private readonly points: MeteringPoints,
  ) {}

  async run(request: ApplicationCommandRequest): Promise<ApplicationCommandOutcome> {
    const { type, expectedRevision, metadata } = request;
    const open = request.applicationId;
    try {
      const { value, checkpoint } = await this.runner.run(
        metadata,
        async (scope, applicationId: number) => {
          const application =
            typeof open === 'number'
              ? await scope.load(applicationAggregate, applicationId)
              : scope.start(applicationAggregate, applicationId);
          const before = application.state;
          const refusal = accessRefusal(type, before, metadata.actor);
          if (refusal !== null) throw domainErrorOf(refusal);
          // A stale revision is told only to whoever may see the application (checked just above).
          if (expectedRevision !== null && expectedRevision !== application.revision)
            throw domainErrorOf(applicationErrors.staleRevision());
          const command = await request.command(before, scope.now);
          const events = acceptedOrThrow(application.decide(command));
          await this.holdPoints(scope, applicationId, before, events);
          return application;
        },
        {
          prepare: async (now, scope) => (typeof open === 'number' ? open : open(now, scope)),
          // A point claimed by a concurrent command: decide again, and MTR-2 refuses it then.
          maxAttempts: 5,
        },
      );
      return { state: value.state, revision: value.revision, checkpoint };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError)
        throw domainErrorOf(applicationErrors.staleRevision());
      throw error;
    }
  }

  private async holdPoints(
    scope: CommandScope,
    applicationId: number,
    before: ApplicationState,
    events: readonly ApplicationEvent[],
  ): Promise<void> {
    let state = before;
    for (const event of events) {
      const { kind, claims, releases } = pointHoldsOf(state, event);
      for (const claim of claims) {
        const meterId = meterIdOf(event, claim);
        await this.points
          .claimForApplication(scope, claim.pointId, { applicationId, kind, meterId })
          .catch((error: unknown) => {
            throw claimRefusal(error, claim);
          });
      }
      for (const { pointId, outcome } of releases)
        await this.points.releaseApplication(scope, pointId, { applicationId, kind, outcome });
      state = evolve(state, event);
    }
  }
}

function meterIdOf(event: ApplicationEvent, claim: PointClaim): string | undefined {
  return 'meteringPoints' in event.data
    ? event.data.meteringPoints[claim.index]?.meterId
    : undefined;
}

function claimRefusal(error: unknown, claim: PointClaim): unknown {
  if (!(error instanceof DomainError) || error.code !== ErrorCode.CONFLICT) return error;
  return domainErrorOf(
    applicationErrors.pointTaken([
      {
        field: `meteringPoints[${claim.index}].pointId`,
        code: 'POINT_TAKEN',
        message: applicationMessages.pointTakenField,
      },
    ]),
  );
}
