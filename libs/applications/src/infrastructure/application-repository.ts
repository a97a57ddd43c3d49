import { EventSourcedRepository, type Aggregate, type EventStore } from '@app/event-sourcing';
import type { ApplicationError } from '../domain/application-error';
import type { ApplicationCommand } from '../domain/application.command';
import { decide } from '../domain/application.decide';
import { applicationStream, type ApplicationEvent } from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import { initialState, type ApplicationState } from '../domain/application.state';
import { toApplicationEvent } from './recorded-application-event';

/** Schema version of every application event as written today; upcasters key on it later. */
const APPLICATION_EVENT_SCHEMA_VERSION = 1;

/** The Application aggregate on its stream `application-<id>`, for the kernel's command runner. */
export const applicationAggregate: Aggregate<
  number,
  ApplicationCommand,
  ApplicationState,
  ApplicationEvent,
  ApplicationError
> = {
  stream: applicationStream,
  initialState,
  evolve,
  decide,
  toEvent: toApplicationEvent,
  schemaVersion: APPLICATION_EVENT_SCHEMA_VERSION,
};

export class ApplicationRepository extends EventSourcedRepository<
  number,
  ApplicationState,
  ApplicationEvent
> {
  constructor(eventStore: EventStore) {
    super(eventStore, applicationAggregate);
  }
}
