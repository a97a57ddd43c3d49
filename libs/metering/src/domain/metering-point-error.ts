import type { Decision } from '@app/event-sourcing/domain';
import type { ErrorCode } from '@app/event-sourcing';
import type { ClaimKind, MeteringPointEvent } from './metering-point.event';
import { meteringMessages } from '../messages';

export type MeteringPointErrorCode = Extract<`${ErrorCode}`, 'CONFLICT'>;
export type MeteringPointErrorReason = 'POINT_HELD_BY_ANOTHER_APPLICATION';

/** A refusal as a value; the infrastructure throws it as the kernel's `DomainError`. */
export interface MeteringPointError {
  readonly code: MeteringPointErrorCode;
  readonly reason: MeteringPointErrorReason;
  /** Japanese, shown to the user. */
  readonly message: string;
}

export const meteringPointErrors = {
  /** MTR-2 */
  heldByAnotherApplication(pointId: string, applicationId: number, kind: ClaimKind) {
    return {
      code: 'CONFLICT',
      reason: 'POINT_HELD_BY_ANOTHER_APPLICATION',
      message: meteringMessages.heldByAnotherApplication(pointId, applicationId, kind),
    } satisfies MeteringPointError;
  },
};

/** What the metering decider answers: events to append, or a refusal (with any facts it records). */
export type MeteringPointDecision = Decision<MeteringPointEvent, MeteringPointError>;
