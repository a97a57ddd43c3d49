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
import { StartProcessingCommand } from './start-processing.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class StartProcessingResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => ApplicationModel)
  @Roles('OPERATOR')
  startProcessing(
    @CurrentAccount() account: SessionAccount,
    @Args('id', { type: () => Int }) id: number,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
  ): Promise<ApplicationModel> {
    return this.commandBus.execute(new StartProcessingCommand(account, id, expectedRevision));
  }
}
