import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/event-sourcing';
import type { ApplicationModel } from '../../graphql/application.model';

export class ApplicationAsOfQuery extends Query<ApplicationModel | null> {
  constructor(
    readonly applicationId: number,
    readonly at: Date,
    readonly reader: Actor,
  ) {
    super();
  }
}
