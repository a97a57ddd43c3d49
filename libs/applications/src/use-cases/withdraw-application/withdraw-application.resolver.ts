import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import {
  CurrentAccount,
  GqlAuthGuard,
  Roles,
  RolesGuard,
  type SessionAccount,
} from '@app/accounts';
import { ApplicationModel } from '../../graphql/application.model';
import { WithdrawApplicationCommand } from './withdraw-application.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class WithdrawApplicationResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => ApplicationModel)
  @Roles('CUSTOMER')
  withdrawApplication(
    @CurrentAccount() account: SessionAccount,
    @Args('id', { type: () => Int }) id: number,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<ApplicationModel> {
    return this.commandBus.execute(
      new WithdrawApplicationCommand(account, id, expectedRevision, reason ?? null),
    );
  }
}
