import { EventSourcedRepository, type CommandMetadata, type EventStore } from '@app/event-sourcing';
import { applicationStream, type ApplicationEvent } from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import { initialState, type ApplicationState } from '../domain/application.state';
import { toApplicationEvent } from './recorded-application-event';

/** Schema version of every application event as written today; upcasters key on it later. */
const APPLICATION_EVENT_SCHEMA_VERSION = 1;

export type ApplicationCommandMetadata = CommandMetadata;

/** The Application aggregate on its stream `application-<id>`. */
export class ApplicationRepository extends EventSourcedRepository<
  number,
  ApplicationState,
  ApplicationEvent
> {
  constructor(eventStore: EventStore) {
    super(eventStore, {
      stream: applicationStream,
      initialState,
      evolve,
      toEvent: toApplicationEvent,
      schemaVersion: APPLICATION_EVENT_SCHEMA_VERSION,
    });
  }
}
