import type { RecordedEvent } from '@app/event-sourcing';
import type { MeteringPointEvent, MeteringPointEventType } from '../domain/metering-point.event';

export const METERING_POINT_EVENT_TYPES = [
  'MeteringPointRecorded',
  'MeteringPointCorrected',
  'ApplicationClaimedPoint',
  'ApplicationReleasedPoint',
] as const satisfies readonly MeteringPointEventType[];

const TYPES: ReadonlySet<string> = new Set(METERING_POINT_EVENT_TYPES);

function isMeteringPointEventType(type: string): type is MeteringPointEventType {
  return TYPES.has(type);
}

/** The stored event as the domain's union; `data` is already upcast to the current version. */
export function toMeteringPointEvent(recorded: RecordedEvent): MeteringPointEvent {
  if (!isMeteringPointEventType(recorded.type)) {
    throw new Error(
      `${recorded.stream}@${recorded.revision}: not a metering point event (${recorded.type})`,
    );
  }
  return { type: recorded.type, data: recorded.data } as MeteringPointEvent;
}
