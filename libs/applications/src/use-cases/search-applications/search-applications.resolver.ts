import { Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentAccount, GqlAuthGuard, RolesGuard, type SessionAccount } from '@app/accounts';
import { ApplicationPageModel } from '../../graphql/application-page.model';
import { ApplicationSearchInput } from '../../graphql/application-search.input';
import type { ApplicationPage } from '../../read-models/application.reader';
import { actorOf } from '../application-use-case';
import { SearchApplicationsQuery } from './search-applications.query';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class SearchApplicationsResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  /** APP-10: a customer finds its own applications only; operators and auditors all. */
  @Query(() => ApplicationPageModel)
  searchApplications(
    @CurrentAccount() account: SessionAccount,
    @Args('filter', { type: () => ApplicationSearchInput }) filter: ApplicationSearchInput,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit: number | null,
  ): Promise<ApplicationPage> {
    return this.queryBus.execute(
      new SearchApplicationsQuery(filter, offset ?? 0, limit ?? 20, actorOf(account)),
    );
  }
}
