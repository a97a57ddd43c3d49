import { Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentAccount, GqlAuthGuard, RolesGuard, type SessionAccount } from '@app/accounts';
import { ApplicationModel } from '../../graphql/application.model';
import { actorOf } from '../application-use-case';
import { ApplicationAsOfQuery } from './application-as-of.query';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ApplicationAsOfResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  /** Owner, OPERATOR, AUDITOR: folded from the events up to `at`; null before submission. */
  @Query(() => ApplicationModel, { nullable: true })
  applicationAsOf(
    @CurrentAccount() account: SessionAccount,
    @Args('id', { type: () => Int }) id: number,
    @Args('at', { type: () => Date }) at: Date,
  ): Promise<ApplicationModel | null> {
    return this.queryBus.execute(new ApplicationAsOfQuery(id, at, actorOf(account)));
  }
}
