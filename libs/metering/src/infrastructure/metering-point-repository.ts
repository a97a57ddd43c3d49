import { EventSourcedRepository, type Aggregate, type EventStore } from '@app/event-sourcing';
import type { MeteringPointError } from '../domain/metering-point-error';
import type { MeteringPointCommand } from '../domain/metering-point.command';
import { decide } from '../domain/metering-point.decide';
import type { MeteringPointEvent } from '../domain/metering-point.event';
import { evolve } from '../domain/metering-point.evolve';
import { initialState, type MeteringPointState } from '../domain/metering-point.state';
import { toMeteringPointEvent } from './recorded-metering-point-event';

export const METERING_POINT_STREAM_PREFIX = 'metering-point-';

/** `pointId` is the normalised 22-digit ID, so one point has exactly one stream. */
export function meteringPointStream(pointId: string): string {
  return `${METERING_POINT_STREAM_PREFIX}${pointId}`;
}

/** Schema version of every metering point event as written today; upcasters key on it later. */
const METERING_POINT_EVENT_SCHEMA_VERSION = 1;

/** A metering point on its stream `metering-point-<pointId>`, for the kernel's command runner. */
export const meteringPointAggregate: Aggregate<
  string,
  MeteringPointCommand,
  MeteringPointState,
  MeteringPointEvent,
  MeteringPointError
> = {
  stream: meteringPointStream,
  initialState,
  evolve,
  decide,
  toEvent: toMeteringPointEvent,
  schemaVersion: METERING_POINT_EVENT_SCHEMA_VERSION,
};

export class MeteringPointRepository extends EventSourcedRepository<
  string,
  MeteringPointState,
  MeteringPointEvent
> {
  constructor(eventStore: EventStore) {
    super(eventStore, meteringPointAggregate);
  }
}
