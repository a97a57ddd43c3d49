import { randomUUID } from 'node:crypto';
import type { Actor, AppendResult, EventStore, EventToAppend } from '@app/event-sourcing';
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
export const METERING_POINT_EVENT_SCHEMA_VERSION = 1;

export interface LoadedMeteringPoint {
  readonly state: MeteringPointState;
  /** The stream's last revision, -1 when it does not exist yet. */
  readonly revision: number;
}

export interface MeteringCommandMetadata {
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly actor: Actor;
}

/** Loads a metering point from its stream and appends its decisions with optimistic concurrency. */
export class MeteringPointRepository {
  constructor(private readonly eventStore: EventStore) {}

  async load(pointId: string): Promise<LoadedMeteringPoint> {
    const recorded = await this.eventStore.readStream(meteringPointStream(pointId));
    const state = recorded.reduce(
      (folded, event) => evolve(folded, toMeteringPointEvent(event)),
      initialState,
    );
    return { state, revision: recorded.at(-1)?.revision ?? -1 };
  }

  /**
   * Throws the store's `WrongExpectedRevisionError` when another writer got there first; nothing is
   * written then. Resolves with null when there was nothing to append.
   */
  async save(
    pointId: string,
    events: readonly MeteringPointEvent[],
    expectedRevision: number,
    metadata: MeteringCommandMetadata,
    occurredAt: Date,
  ): Promise<AppendResult | null> {
    if (events.length === 0) return null;
    const toAppend: EventToAppend[] = events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: {
        correlationId: metadata.correlationId,
        causationId: metadata.causationId ?? null,
        actor: metadata.actor,
        occurredAt,
        schemaVersion: METERING_POINT_EVENT_SCHEMA_VERSION,
      },
    }));
    return this.eventStore.append(
      meteringPointStream(pointId),
      toAppend,
      expectedRevision < 0 ? 'no_stream' : expectedRevision,
    );
  }
}
