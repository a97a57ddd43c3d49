import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/event-sourcing';
import type { ApplicationModel } from '../../graphql/application.model';

export class GetApplicationQuery extends Query<ApplicationModel | null> {
  constructor(
    readonly applicationId: number,
    readonly reader: Actor,
  ) {
    super();
  }
}
