import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ClientAddress } from '../../auth/client-address.decorator';
import { AccountModel } from '../../graphql/account.model';
import type { AccountView } from '../../queries/accounts.query';
import { VerifyEmailCommand } from './verify-email.command';

@Resolver()
export class VerifyEmailResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => AccountModel)
  verifyEmail(
    @Args('token', { type: () => String }) token: string,
    @ClientAddress() clientAddress: string,
  ): Promise<AccountView> {
    return this.commandBus.execute(new VerifyEmailCommand(token, clientAddress));
  }
}
