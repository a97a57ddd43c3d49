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
import { ReturnApplicationCommand } from './return-application.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ReturnApplicationResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => ApplicationModel)
  @Roles('OPERATOR')
  returnApplication(
    @CurrentAccount() account: SessionAccount,
    @Args('id', { type: () => Int }) id: number,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<ApplicationModel> {
    return this.commandBus.execute(
      new ReturnApplicationCommand(account, id, expectedRevision, reason),
    );
  }
}
