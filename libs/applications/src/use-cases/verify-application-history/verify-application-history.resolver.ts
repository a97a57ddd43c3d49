import { Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { GqlAuthGuard, Roles, RolesGuard } from '@app/accounts';
import type { StreamVerification } from '@app/event-sourcing';
import { HistoryVerificationModel } from '../../graphql/history-verification.model';
import { VerifyApplicationHistoryQuery } from './verify-application-history.query';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class VerifyApplicationHistoryResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  /** Whether the stored events still chain hash to hash: the auditor's tamper check. */
  @Query(() => HistoryVerificationModel)
  @Roles('AUDITOR', 'OPERATOR')
  verifyApplicationHistory(
    @Args('id', { type: () => Int }) id: number,
  ): Promise<StreamVerification> {
    return this.queryBus.execute(new VerifyApplicationHistoryQuery(id));
  }
}
