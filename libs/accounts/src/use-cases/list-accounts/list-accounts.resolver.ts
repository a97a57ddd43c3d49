import { Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/auth.decorators';
import { GqlAuthGuard } from '../../auth/gql-auth.guard';
import { RolesGuard } from '../../auth/roles.guard';
import { AccountPageModel } from '../../graphql/account-page.model';
import type { AccountPage } from '../../read-models/accounts.reader';
import { ListAccountsQuery } from './list-accounts.query';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ListAccountsResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Query(() => AccountPageModel)
  @Roles('OPERATOR', 'AUDITOR')
  accounts(
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit: number | null,
    @Args('userId', { type: () => String, nullable: true }) userId: string | null,
  ): Promise<AccountPage> {
    return this.queryBus.execute(
      new ListAccountsQuery({ offset: offset ?? 0, limit: limit ?? 20, userId }),
    );
  }
}
