import { Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Query, Resolver } from '@nestjs/graphql';
import {
  AllowBeforeMfaEnrolment,
  AllowWhilePasswordChangeRequired,
} from '../../auth/auth.decorators';
import { CurrentAccount } from '../../auth/current-account.decorator';
import { GqlAuthGuard } from '../../auth/gql-auth.guard';
import { RolesGuard } from '../../auth/roles.guard';
import { AccountModel } from '../../graphql/account.model';
import type { AccountView } from '../../read-models/accounts.reader';
import type { SessionAccount } from '../../sessions/session.service';
import { MeQuery } from './me.query';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class MeResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Query(() => AccountModel)
  @AllowWhilePasswordChangeRequired()
  @AllowBeforeMfaEnrolment()
  me(@CurrentAccount() account: SessionAccount): Promise<AccountView> {
    return this.queryBus.execute(new MeQuery(account.accountId));
  }
}
