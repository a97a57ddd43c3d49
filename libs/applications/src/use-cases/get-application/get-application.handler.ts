import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationReadModel } from '../../queries/application-read-model';
import { GetApplicationQuery } from './get-application.query';

@QueryHandler(GetApplicationQuery)
export class GetApplicationHandler implements IQueryHandler<GetApplicationQuery> {
  constructor(@Inject(ApplicationReadModel) private readonly readModel: ApplicationReadModel) {}

  execute({ applicationId, reader }: GetApplicationQuery): Promise<ApplicationModel | null> {
    return this.readModel.byId(applicationId, reader);
  }
}
