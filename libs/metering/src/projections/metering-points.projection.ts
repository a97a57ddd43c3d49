import type { Projection, RecordedEvent } from '@app/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { MeteringPointEvent } from '../domain/metering-point.event';
import { unreachable } from '@app/event-sourcing/domain';
import { METERING_POINT_STREAM_PREFIX } from '../infrastructure/metering-point-repository';
import {
  METERING_POINT_EVENT_TYPES,
  toMeteringPointEvent,
} from '../infrastructure/recorded-metering-point-event';
import { MeteringPointRowEntity } from './metering-point-row.entity';

export const METERING_POINTS_PROJECTION = 'metering-points';

/** Fills `metering_points` inside the runner's transaction; every event carries its values after. */
export const meteringPointsProjection: Projection = {
  name: METERING_POINTS_PROJECTION,
  filter: { streamPrefixes: [METERING_POINT_STREAM_PREFIX], types: METERING_POINT_EVENT_TYPES },
  entities: [MeteringPointRowEntity],
  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const event of events) {
      await project(toMeteringPointEvent(event), event.metadata.occurredAt, manager);
    }
  },
};

async function project(
  event: MeteringPointEvent,
  updatedAt: Date,
  manager: EntityManager,
): Promise<void> {
  const { pointId } = event.data;
  switch (event.type) {
    case 'MeteringPointRecorded': {
      const { kind, meterId, terminalType, island, bRouteState } = event.data;
      await manager.insert(MeteringPointRowEntity, {
        pointId,
        kind,
        meterId,
        terminalType,
        island,
        bRouteState,
        openApplicationId: null,
        openApplicationKind: null,
        updatedAt,
      });
      return;
    }
    case 'MeteringPointCorrected': {
      const { meterId, terminalType, island } = event.data;
      await manager.update(
        MeteringPointRowEntity,
        { pointId },
        { meterId, terminalType, island, updatedAt },
      );
      return;
    }
    case 'ApplicationClaimedPoint': {
      const { applicationId, applicationKind, bRouteState } = event.data;
      await manager.update(
        MeteringPointRowEntity,
        { pointId },
        {
          bRouteState,
          openApplicationId: applicationId,
          openApplicationKind: applicationKind,
          updatedAt,
        },
      );
      return;
    }
    case 'ApplicationReleasedPoint':
      await manager.update(
        MeteringPointRowEntity,
        { pointId },
        {
          bRouteState: event.data.bRouteState,
          openApplicationId: null,
          openApplicationKind: null,
          updatedAt,
        },
      );
      return;
    default:
      unreachable(event);
  }
}
