import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvalidInputError } from '@app/event-sourcing';
import { APPLICATION_CLOCK, type ApplicationClock } from '../../application-providers';
import { ApplicationReadModel, type ApplicationPage } from '../../queries/application-read-model';
import { SearchApplicationsQuery } from './search-applications.query';
import { pageProblems, searchConditions } from './search-conditions';

@QueryHandler(SearchApplicationsQuery)
export class SearchApplicationsHandler implements IQueryHandler<SearchApplicationsQuery> {
  constructor(
    @Inject(ApplicationReadModel) private readonly readModel: ApplicationReadModel,
    @Inject(APPLICATION_CLOCK) private readonly clock: ApplicationClock,
  ) {}

  execute({ filter, offset, limit, reader }: SearchApplicationsQuery): Promise<ApplicationPage> {
    const check = searchConditions(filter, this.clock());
    const problems = [...(check.ok ? [] : check.problems), ...pageProblems(offset, limit)];
    if (!check.ok || problems.length > 0) throw new InvalidInputError(problems);
    return this.readModel.search(check.conditions, reader, { offset, limit });
  }
}
