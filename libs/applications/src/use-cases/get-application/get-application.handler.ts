import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationReader } from '../../read-models/application.reader';
import { GetApplicationQuery } from './get-application.query';

@QueryHandler(GetApplicationQuery)
export class GetApplicationHandler implements IQueryHandler<GetApplicationQuery> {
  constructor(@Inject(ApplicationReader) private readonly readModel: ApplicationReader) {}

  execute({ applicationId, reader }: GetApplicationQuery): Promise<ApplicationModel | null> {
    return this.readModel.byId(applicationId, reader);
  }
}
