import { keysToLoad, type Projection, type RecordedEvent } from '@app/event-sourcing';
import { In, type EntityManager } from 'typeorm';
import type { MeteringPointEvent } from '../domain/metering-point.event';
import { unreachable } from '@app/event-sourcing/domain';
import { METERING_POINT_STREAM_PREFIX } from '../infrastructure/metering-point-repository';
import {
  METERING_POINT_EVENT_TYPES,
  toMeteringPointEvent,
} from '../infrastructure/recorded-metering-point-event';
import { MeteringPointRowEntity, type MeteringPointRow } from './metering-point-row.entity';

export const METERING_POINTS_PROJECTION = 'metering-points';

/**
 * Fills `metering_points` inside the runner's transaction; every event carries its values after.
 * A batch is folded in memory and written as one multi-row upsert: a statement per event kept
 * a point's row locked, and the runner's transaction open, for seconds under load.
 */
export const meteringPointsProjection: Projection = {
  name: METERING_POINTS_PROJECTION,
  filter: { streamPrefixes: [METERING_POINT_STREAM_PREFIX], types: METERING_POINT_EVENT_TYPES },
  entities: [MeteringPointRowEntity],
  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const pointEvents = events.map((event) => ({
      event: toMeteringPointEvent(event),
      updatedAt: event.metadata.occurredAt,
    }));
    const rows = await storedRows(manager, pointEvents);
    const changed = new Set<string>();
    for (const { event, updatedAt } of pointEvents) {
      const { pointId } = event.data;
      const row = project(rows.get(pointId), event, updatedAt);
      // A change to a point never recorded here changes nothing, as an UPDATE of no row did.
      if (row === undefined) continue;
      rows.set(pointId, row);
      changed.add(pointId);
    }
    const written = [...changed].flatMap((pointId) => rows.get(pointId) ?? []);
    if (written.length > 0) await manager.upsert(MeteringPointRowEntity, written, ['pointId']);
  },
};

/** The stored rows of the points whose first event in the batch is not their recording. */
async function storedRows(
  manager: EntityManager,
  events: readonly { readonly event: MeteringPointEvent }[],
): Promise<Map<string, MeteringPointRow>> {
  const ids = keysToLoad(
    events,
    (event) => event.data.pointId,
    (event) => event.type === 'MeteringPointRecorded',
  );
  if (ids.length === 0) return new Map();
  const found = await manager.findBy(MeteringPointRowEntity, { pointId: In(ids) });
  return new Map(found.map((row) => [row.pointId, row]));
}

function project(
  row: MeteringPointRow | undefined,
  event: MeteringPointEvent,
  updatedAt: Date,
): MeteringPointRow | undefined {
  switch (event.type) {
    case 'MeteringPointRecorded': {
      const { pointId, kind, meterId, terminalType, island, bRouteState } = event.data;
      return {
        pointId,
        kind,
        meterId,
        terminalType,
        island,
        bRouteState,
        openApplicationId: null,
        openApplicationKind: null,
        updatedAt,
      };
    }
    case 'MeteringPointCorrected': {
      const { meterId, terminalType, island } = event.data;
      return row && { ...row, meterId, terminalType, island, updatedAt };
    }
    case 'ApplicationClaimedPoint': {
      const { applicationId, applicationKind, bRouteState } = event.data;
      return (
        row && {
          ...row,
          bRouteState,
          openApplicationId: applicationId,
          openApplicationKind: applicationKind,
          updatedAt,
        }
      );
    }
    case 'ApplicationReleasedPoint':
      return (
        row && {
          ...row,
          bRouteState: event.data.bRouteState,
          openApplicationId: null,
          openApplicationKind: null,
          updatedAt,
        }
      );
    default:
      return unreachable(event);
  }
}
