import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  CurrentAccount,
  GqlAuthGuard,
  Roles,
  RolesGuard,
  type SessionAccount,
} from '@app/accounts';
import { ApplicationModel } from '../../graphql/application.model';
import { SubmitApplicationCommand } from './submit-application.command';
import { SubmitApplicationInput } from './submit-application.input';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class SubmitApplicationResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => ApplicationModel)
  @Roles('CUSTOMER')
  submitApplication(
    @CurrentAccount() account: SessionAccount,
    @Args('input', { type: () => SubmitApplicationInput }) input: SubmitApplicationInput,
  ): Promise<ApplicationModel> {
    return this.commandBus.execute(new SubmitApplicationCommand(account, input));
  }
}
