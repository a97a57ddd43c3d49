import type { Decision } from '@app/event-sourcing/domain';
import type { ErrorCode } from '@app/event-sourcing';
import type { ClaimKind, MeteringPointEvent } from './metering-point.event';

export type MeteringPointErrorCode = Extract<`${ErrorCode}`, 'CONFLICT'>;
export type MeteringPointErrorReason = 'POINT_HELD_BY_ANOTHER_APPLICATION';

/** A refusal as a value; the infrastructure throws it as the kernel's `DomainError`. */
export interface MeteringPointError {
  readonly code: MeteringPointErrorCode;
  readonly reason: MeteringPointErrorReason;
  /** Japanese, shown to the user. */
  readonly message: string;
}

const KIND_LABEL: Record<ClaimKind, string> = { NEW: '新規', TERMINATION: '廃止' };

export const meteringPointErrors = {
  /** MTR-2 */
  heldByAnotherApplication(pointId: string, applicationId: number, kind: ClaimKind) {
    return {
      code: 'CONFLICT',
      reason: 'POINT_HELD_BY_ANOTHER_APPLICATION',
      message:
        `地点特定番号 ${pointId} には手続中の${KIND_LABEL[kind]}の申込み（申込ID: ${applicationId}）があります。` +
        '新規・廃止の申込みは、1つの地点につき同時に1件までです。',
    } satisfies MeteringPointError;
  },
};

/** What the metering decider answers: events to append, or a refusal (with any facts it records). */
export type MeteringPointDecision = Decision<MeteringPointEvent, MeteringPointError>;
