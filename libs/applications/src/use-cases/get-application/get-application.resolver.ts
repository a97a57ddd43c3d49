import { Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentAccount, GqlAuthGuard, RolesGuard, type SessionAccount } from '@app/accounts';
import { ApplicationModel } from '../../graphql/application.model';
import { actorOf } from '../application-use-case';
import { GetApplicationQuery } from './get-application.query';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class GetApplicationResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  /** Owner, OPERATOR, AUDITOR; another customer's application answers null, as a missing one. */
  @Query(() => ApplicationModel, { nullable: true })
  application(
    @CurrentAccount() account: SessionAccount,
    @Args('id', { type: () => Int }) id: number,
  ): Promise<ApplicationModel | null> {
    return this.queryBus.execute(new GetApplicationQuery(id, actorOf(account)));
  }
}
