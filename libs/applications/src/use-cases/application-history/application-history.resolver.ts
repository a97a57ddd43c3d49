import { Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentAccount, GqlAuthGuard, RolesGuard, type SessionAccount } from '@app/accounts';
import { ApplicationEventModel } from '../../graphql/application-event.model';
import type { ApplicationHistoryEntry } from '../../read-models/application-history.reader';
import { actorOf } from '../application-use-case';
import { ApplicationHistoryQuery } from './application-history.query';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ApplicationHistoryResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  /** Owner, OPERATOR, AUDITOR: every stored event, straight from the stream. */
  @Query(() => [ApplicationEventModel])
  applicationHistory(
    @CurrentAccount() account: SessionAccount,
    @Args('id', { type: () => Int }) id: number,
  ): Promise<ApplicationHistoryEntry[]> {
    return this.queryBus.execute(new ApplicationHistoryQuery(id, actorOf(account)));
  }
}
