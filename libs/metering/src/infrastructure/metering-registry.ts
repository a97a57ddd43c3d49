import { randomUUID } from 'node:crypto';
import {
  DomainError,
  ErrorCode,
  InvalidInputError,
  RequestContext,
  WrongExpectedRevisionError,
  type Actor,
  type AppendResult,
} from '@app/event-sourcing';
import type { MeteringPointCommand } from '../domain/metering-point.command';
import type {
  ApplicationOutcome,
  BRouteState,
  MeteringPointEvent,
  MeteringPointKind,
  TerminalType,
} from '../domain/metering-point.event';
import { decide } from '../domain/metering-point.decide';
import { evolve } from '../domain/metering-point.evolve';
import type { MeteringPointState, RegisteredPoint } from '../domain/metering-point.state';
import type { ClaimingApplicationKind } from '../domain/metering-point.command';
import { parseMeterId } from '../domain/meter-id';
import { parsePointId, type PointId } from '../domain/point-id';
import type { MeteringPointRepository } from './metering-point-repository';
import { meteringMessages } from '../messages';

export interface MeteringPointSnapshot {
  readonly pointId: string;
  readonly kind: MeteringPointKind;
  readonly meterId: string | null;
  readonly terminalType: TerminalType;
  readonly island: boolean;
  readonly bRouteState: BRouteState;
  /** MTR-2: the open NEW or TERMINATION application holding the point, if any. */
  readonly openApplication: {
    readonly applicationId: number;
    readonly kind: 'NEW' | 'TERMINATION';
  } | null;
}

export interface ApplicationClaim {
  readonly applicationId: number;
  readonly kind: ClaimingApplicationKind;
  readonly meterId?: string;
}

export interface ApplicationRelease {
  readonly applicationId: number;
  readonly kind: ClaimingApplicationKind;
  readonly outcome: ApplicationOutcome;
}

export type RecordChange = 'RECORDED' | 'CORRECTED' | 'UNCHANGED';

/** What a write did: the point after it, and where the append landed (read-your-writes). */
export interface MeteringWriteOutcome {
  readonly point: MeteringPointSnapshot;
  readonly change: RecordChange;
  readonly appended: AppendResult | null;
}

// Each retry follows a writer that got in first, so a handful covers any real contention.
const MAX_ATTEMPTS = 5;

/**
 * The registry's door for the other contexts and the tools: reads and decisions on the point's
 * own stream (never the read model), so what it answers is what it decides on.
 */
export class MeteringRegistry {
  constructor(
    private readonly repository: MeteringPointRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** From the write side (the point's stream), for decisions. null = not in the registry. */
  async find(pointId: string): Promise<MeteringPointSnapshot | null> {
    const parsed = parsePointId(pointId);
    if (!parsed.ok || parsed.value.unissued) return null;
    const { state } = await this.repository.load(parsed.value.value);
    return snapshotOf(state);
  }

  /**
   * MTR-2: NEW and TERMINATION hold the point; another open one holding it already → CONFLICT.
   * The same application again is a no-op; ACTIVATION holds nothing.
   */
  async claimForApplication(pointId: string, claim: ApplicationClaim, actor: Actor): Promise<void> {
    const point = pointIdOf(pointId);
    // An unissued ID (APP-5) is a placeholder many new installations share, not a point: MTR-2
    // applies once an operator has completed it.
    if (point.unissued) return;
    await this.run(
      point,
      {
        type: 'ClaimPoint',
        data: {
          pointId: point.value,
          kind: point.kind,
          applicationId: claim.applicationId,
          applicationKind: claim.kind,
          meterId: meterIdOf(claim.meterId),
        },
      },
      actor,
    );
  }

  /** Releases the claim held by the application (none: no-op); OPS-4 on completion. */
  async releaseApplication(
    pointId: string,
    release: ApplicationRelease,
    actor: Actor,
  ): Promise<void> {
    if (release.kind === 'ACTIVATION') return;
    const point = pointIdOf(pointId);
    if (point.unissued) return;
    await this.run(
      point,
      {
        type: 'ReleasePoint',
        data: { applicationId: release.applicationId, outcome: release.outcome },
      },
      actor,
    );
  }

  /** MTR-1: records a new point or corrects a known one (operators and the import tool). */
  async record(
    point: PointId,
    description: { meterId: string | null; terminalType: TerminalType; island: boolean },
    actor: Actor,
  ): Promise<MeteringWriteOutcome> {
    if (point.unissued) {
      throw new InvalidInputError([{ field: 'pointId', ...UNISSUED_POINT_ID }]);
    }
    const { state, appended, events } = await this.run(
      point,
      {
        type: 'RecordMeteringPoint',
        data: { pointId: point.value, kind: point.kind, ...description },
      },
      actor,
    );
    if (state.status === 'Unknown')
      throw new Error(`metering point ${point.value} was not recorded`);
    return { point: toSnapshot(state), change: changeOf(events), appended };
  }

  /**
   * Load, decide, append with the expected revision. A writer that got in first makes the append
   * fail without writing; deciding again on the new state is then exactly what a serial run does.
   */
  private async run(
    point: PointId,
    command: MeteringPointCommand,
    actor: Actor,
  ): Promise<{
    state: MeteringPointState;
    events: readonly MeteringPointEvent[];
    appended: AppendResult | null;
  }> {
    for (let attempt = 1; ; attempt += 1) {
      const { state, revision } = await this.repository.load(point.value);
      const decision = decide(command, state);
      if (!decision.ok)
        throw new DomainError(ErrorCode[decision.error.code], decision.error.message);
      try {
        const appended = await this.repository.save(
          point.value,
          decision.events,
          revision,
          { correlationId: RequestContext.correlationId() ?? randomUUID(), actor },
          this.clock(),
        );
        return { state: decision.events.reduce(evolve, state), events: decision.events, appended };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}

/** The refusal of an unissued point ID where a real point is needed (field path added by the caller). */
export const UNISSUED_POINT_ID = {
  code: 'UNISSUED_POINT_ID',
  message: meteringMessages.unissuedPointId,
} as const;

function changeOf(events: readonly MeteringPointEvent[]): RecordChange {
  if (events.some((event) => event.type === 'MeteringPointRecorded')) return 'RECORDED';
  return events.length > 0 ? 'CORRECTED' : 'UNCHANGED';
}

// The read model checks the meter ID's shape: a malformed one would stop the projection.
function meterIdOf(meterId: string | undefined): string | null {
  if (meterId === undefined || meterId.trim() === '') return null;
  const parsed = parseMeterId(meterId);
  if (!parsed.ok) {
    throw new InvalidInputError([
      { field: 'meterId', code: parsed.error.code, message: parsed.error.message },
    ]);
  }
  return parsed.value.value;
}

function pointIdOf(pointId: string): PointId {
  const parsed = parsePointId(pointId);
  if (!parsed.ok) {
    throw new InvalidInputError([
      { field: 'pointId', code: parsed.error.code, message: parsed.error.message },
    ]);
  }
  return parsed.value;
}

function snapshotOf(state: MeteringPointState): MeteringPointSnapshot | null {
  if (state.status === 'Unknown') return null;
  return toSnapshot(state);
}

function toSnapshot(state: RegisteredPoint): MeteringPointSnapshot {
  const { pointId, kind, meterId, terminalType, island, bRouteState, claim } = state;
  return {
    pointId,
    kind,
    meterId,
    terminalType,
    island,
    bRouteState,
    openApplication:
      claim === null ? null : { applicationId: claim.applicationId, kind: claim.kind },
  };
}
