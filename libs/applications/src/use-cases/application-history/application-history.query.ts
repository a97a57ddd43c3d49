import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/event-sourcing';
import type { ApplicationHistoryEntry } from '../../queries/application-history';

export class ApplicationHistoryQuery extends Query<ApplicationHistoryEntry[]> {
  constructor(
    readonly applicationId: number,
    readonly reader: Actor,
  ) {
    super();
  }
}
