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
import { RejectApplicationCommand } from './reject-application.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class RejectApplicationResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => ApplicationModel)
  @Roles('OPERATOR')
  rejectApplication(
    @CurrentAccount() account: SessionAccount,
    @Args('id', { type: () => Int }) id: number,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<ApplicationModel> {
    return this.commandBus.execute(
      new RejectApplicationCommand(account, id, expectedRevision, reason),
    );
  }
}
