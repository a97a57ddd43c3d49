import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/event-sourcing';
import type { ApplicationHistoryEntry } from '../../read-models/application-history.reader';

export class ApplicationHistoryQuery extends Query<ApplicationHistoryEntry[]> {
  constructor(
    readonly applicationId: number,
    readonly reader: Actor,
  ) {
    super();
  }
}
