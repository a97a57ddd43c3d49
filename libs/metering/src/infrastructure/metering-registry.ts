import {
  InvalidInputError,
  acceptedOrThrow,
  commandMetadata,
  type Actor,
  type Checkpoint,
  type CommandRunner,
  type CommandScope,
} from '@app/event-sourcing';
import type {
  ApplicationOutcome,
  BRouteState,
  MeteringPointEvent,
  MeteringPointKind,
  TerminalType,
} from '../domain/metering-point.event';
import type { MeteringPointState, RegisteredPoint } from '../domain/metering-point.state';
import type { ClaimingApplicationKind } from '../domain/metering-point.command';
import { parseMeterId } from '../domain/meter-id';
import { parsePointId, type PointId } from '../domain/point-id';
import { meteringPointAggregate, type MeteringPointRepository } from './metering-point-repository';
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
  /** Where the append landed, for read-your-writes waits; null when nothing was appended. */
  readonly checkpoint: Checkpoint | null;
}

/**
 * The registry's door for the other contexts and the tools: reads and decisions on the point's
 * own stream (never the read model), so what it answers is what it decides on.
 */
export class MeteringRegistry {
  constructor(
    private readonly repository: MeteringPointRepository,
    private readonly runner: CommandRunner,
  ) {}

  /**
   * From the write side (the point's stream), for decisions. null = not in the registry. Within a
   * command's `scope`, the stream read is the one a claim in that command decides on (no second
   * read), loaded in the order a claim appends it.
   */
  async find(pointId: string, scope?: CommandScope): Promise<MeteringPointSnapshot | null> {
    const parsed = parsePointId(pointId);
    if (!parsed.ok || parsed.value.unissued) return null;
    const { state } = scope
      ? await scope.load(meteringPointAggregate, parsed.value.value, 'before')
      : await this.repository.load(parsed.value.value);
    return snapshotOf(state);
  }

  /**
   * MTR-2: NEW and TERMINATION hold the point; another open one holding it already → CONFLICT.
   * The same application again is a no-op; ACTIVATION holds nothing. Decided within the caller's
   * command, so the claim is appended in the same atomic append as the application's events.
   */
  async claimForApplication(
    scope: CommandScope,
    pointId: string,
    claim: ApplicationClaim,
  ): Promise<void> {
    const point = pointIdOf(pointId);
    // An unissued ID (APP-5) is a placeholder many new installations share, not a point: MTR-2
    // applies once an operator has completed it.
    if (point.unissued) return;
    const loaded = await scope.load(meteringPointAggregate, point.value, 'before');
    acceptedOrThrow(
      loaded.decide({
        type: 'ClaimPoint',
        data: {
          pointId: point.value,
          kind: point.kind,
          applicationId: claim.applicationId,
          applicationKind: claim.kind,
          meterId: meterIdOf(claim.meterId),
        },
      }),
    );
  }

  /** Releases the claim held by the application (none: no-op); OPS-4 on completion. */
  async releaseApplication(
    scope: CommandScope,
    pointId: string,
    release: ApplicationRelease,
  ): Promise<void> {
    if (release.kind === 'ACTIVATION') return;
    const point = pointIdOf(pointId);
    if (point.unissued) return;
    const loaded = await scope.load(meteringPointAggregate, point.value, 'after');
    acceptedOrThrow(
      loaded.decide({
        type: 'ReleasePoint',
        data: { applicationId: release.applicationId, outcome: release.outcome },
      }),
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
    const { value: loaded, checkpoint } = await this.runner.run(
      commandMetadata(actor),
      async (scope) => {
        const loaded = await scope.load(meteringPointAggregate, point.value);
        acceptedOrThrow(
          loaded.decide({
            type: 'RecordMeteringPoint',
            data: { pointId: point.value, kind: point.kind, ...description },
          }),
        );
        return loaded;
      },
      // Each retry follows a writer that got in first, so a handful covers any real contention.
      { maxAttempts: 5 },
    );
    const { state, events } = loaded;
    if (state.status === 'Unknown')
      throw new Error(`metering point ${point.value} was not recorded`);
    return { point: toSnapshot(state), change: changeOf(events), checkpoint };
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
