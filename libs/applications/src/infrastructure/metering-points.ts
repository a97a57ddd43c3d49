import type { CommandScope } from '@app/event-sourcing';
import type { ApplicationKind } from '../domain/application.event';
import type { KnownMeteringPoint } from '../domain/point-eligibility';
import type { HoldOutcome } from '../domain/point-holds';

/**
 * What applications need of the metering point registry; `@app/metering`'s `MeteringRegistry`
 * is the adapter (wired in ApplicationsModule).
 */
export interface MeteringPoints {
  /** Within a command's `scope`, a claim in the same command decides on what this read. */
  find(pointId: string, scope?: CommandScope): Promise<KnownMeteringPoint | null>;
  /**
   * MTR-2, decided within the application's command (appended with it): throws a CONFLICT
   * DomainError when another open NEW/TERMINATION holds the point.
   */
  claimForApplication(
    scope: CommandScope,
    pointId: string,
    claim: {
      readonly applicationId: number;
      readonly kind: ApplicationKind;
      readonly meterId?: string;
    },
  ): Promise<void>;
  /** OPS-4: COMPLETED makes a NEW point ACTIVE and a TERMINATION point TERMINATED. */
  releaseApplication(
    scope: CommandScope,
    pointId: string,
    release: {
      readonly applicationId: number;
      readonly kind: ApplicationKind;
      readonly outcome: HoldOutcome;
    },
  ): Promise<void>;
}

export const METERING_POINTS = Symbol('MeteringPoints');
