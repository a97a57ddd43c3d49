import type { EventStore, RecordedEvent } from '../event-store/event-store.port';

/** What the kernel needs to know of an aggregate to load and save it. */
export interface AggregateStreams<Id, State, Event extends DomainEvent> {
  readonly stream: (id: Id) => string;
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  /** The recorded event as the aggregate's own union (type and data checked). */
  readonly toEvent: (recorded: RecordedEvent) => Event;
  /** Schema version of every event as written today; upcasters key on it later. */
  readonly schemaVersion: number;
}

export interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
}

export interface LoadedAggregate<State> {
  readonly state: State;
  /** The stream's last revision, -1 when it does not exist yet. */
  readonly revision: number;
}

/** Loads an aggregate from its stream, for reads; commands go through the `CommandRunner`. */
export class EventSourcedRepository<Id, State, Event extends DomainEvent> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly aggregate: AggregateStreams<Id, State, Event>,
  ) {}

  async load(id: Id): Promise<LoadedAggregate<State>> {
    const { stream, evolve, toEvent, initialState } = this.aggregate;
    const recorded = await this.eventStore.readStream(stream(id));
    const state = recorded.reduce((folded, event) => evolve(folded, toEvent(event)), initialState);
    return { state, revision: recorded.at(-1)?.revision ?? -1 };
  }
}
