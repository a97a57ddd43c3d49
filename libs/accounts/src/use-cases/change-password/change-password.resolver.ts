import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  AllowBeforeMfaEnrolment,
  AllowWhilePasswordChangeRequired,
} from '../../auth/auth.decorators';
import { ClientAddress } from '../../auth/client-address.decorator';
import { CurrentAccount } from '../../auth/current-account.decorator';
import { GqlAuthGuard } from '../../auth/gql-auth.guard';
import { RolesGuard } from '../../auth/roles.guard';
import type { SessionAccount } from '../../sessions/session.service';
import { ChangePasswordCommand } from './change-password.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ChangePasswordResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => Boolean)
  @AllowWhilePasswordChangeRequired()
  @AllowBeforeMfaEnrolment()
  changePassword(
    @CurrentAccount() account: SessionAccount,
    @Args('currentPassword', { type: () => String }) currentPassword: string,
    @Args('newPassword', { type: () => String }) newPassword: string,
    @ClientAddress() clientAddress: string,
  ): Promise<boolean> {
    return this.commandBus.execute(
      new ChangePasswordCommand(account, currentPassword, newPassword, clientAddress),
    );
  }
}
