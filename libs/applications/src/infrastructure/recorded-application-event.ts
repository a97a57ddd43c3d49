import type { RecordedEvent } from '@app/event-sourcing';
import { isApplicationEventType, type ApplicationEvent } from '../domain/application.event';

/** The stored event as the domain's union; `data` is already upcast to the current version. */
export function toApplicationEvent(recorded: RecordedEvent): ApplicationEvent {
  if (!isApplicationEventType(recorded.type)) {
    throw new Error(
      `${recorded.stream}@${recorded.revision}: not an application event (${recorded.type})`,
    );
  }
  return { type: recorded.type, data: recorded.data } as ApplicationEvent;
}
