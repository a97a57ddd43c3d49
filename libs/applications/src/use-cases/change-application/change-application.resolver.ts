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
import { ChangeApplicationCommand } from './change-application.command';
import { ChangeApplicationInput } from './change-application.input';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ChangeApplicationResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => ApplicationModel)
  @Roles('CUSTOMER')
  changeApplication(
    @CurrentAccount() account: SessionAccount,
    @Args('id', { type: () => Int }) id: number,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('input', { type: () => ChangeApplicationInput }) input: ChangeApplicationInput,
  ): Promise<ApplicationModel> {
    return this.commandBus.execute(
      new ChangeApplicationCommand(account, id, expectedRevision, input),
    );
  }
}
