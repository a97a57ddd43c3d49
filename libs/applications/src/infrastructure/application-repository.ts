import { randomUUID } from 'node:crypto';
import type { Actor, AppendResult, EventStore, EventToAppend } from '@app/event-sourcing';
import { applicationStream, type ApplicationEvent } from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import { initialState, type ApplicationState } from '../domain/application.state';
import { toApplicationEvent } from './recorded-application-event';

/** Schema version of every application event as written today; upcasters key on it later. */
export const APPLICATION_EVENT_SCHEMA_VERSION = 1;

export interface LoadedApplication {
  readonly state: ApplicationState;
  /** The stream's last revision, -1 when it does not exist. */
  readonly revision: number;
}

export interface ApplicationCommandMetadata {
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly actor: Actor;
}

/** Loads the Application aggregate from its stream and appends with optimistic concurrency. */
export class ApplicationRepository {
  constructor(private readonly eventStore: EventStore) {}

  async load(applicationId: number): Promise<LoadedApplication> {
    const recorded = await this.eventStore.readStream(applicationStream(applicationId));
    const state = recorded.reduce(
      (folded, event) => evolve(folded, toApplicationEvent(event)),
      initialState,
    );
    return { state, revision: recorded.at(-1)?.revision ?? -1 };
  }

  /**
   * Throws the store's `WrongExpectedRevisionError` when another writer got there first; nothing
   * is written then. Resolves with null when there was nothing to append.
   */
  async save(
    applicationId: number,
    events: readonly ApplicationEvent[],
    expectedRevision: number,
    metadata: ApplicationCommandMetadata,
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
        schemaVersion: APPLICATION_EVENT_SCHEMA_VERSION,
      },
    }));
    return this.eventStore.append(
      applicationStream(applicationId),
      toAppend,
      expectedRevision < 0 ? 'no_stream' : expectedRevision,
    );
  }
}
