import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationHistoryReader } from '../../read-models/application-history.reader';
import { ApplicationAsOfQuery } from './application-as-of.query';

@QueryHandler(ApplicationAsOfQuery)
export class ApplicationAsOfHandler implements IQueryHandler<ApplicationAsOfQuery> {
  constructor(
    @Inject(ApplicationHistoryReader) private readonly history: ApplicationHistoryReader,
  ) {}

  execute({ applicationId, at, reader }: ApplicationAsOfQuery): Promise<ApplicationModel | null> {
    return this.history.asOf(applicationId, at, reader);
  }
}
