import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/event-sourcing';
import type { ApplicationPage } from '../../read-models/application.reader';
import type { ApplicationSearchFilter } from './search-conditions';

export class SearchApplicationsQuery extends Query<ApplicationPage> {
  constructor(
    readonly filter: ApplicationSearchFilter,
    readonly offset: number,
    readonly limit: number,
    readonly reader: Actor,
  ) {
    super();
  }
}
