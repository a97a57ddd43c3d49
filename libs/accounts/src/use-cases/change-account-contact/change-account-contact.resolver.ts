import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/auth.decorators';
import { ClientAddress } from '../../auth/client-address.decorator';
import { CurrentAccount } from '../../auth/current-account.decorator';
import { GqlAuthGuard } from '../../auth/gql-auth.guard';
import { RolesGuard } from '../../auth/roles.guard';
import { AccountModel } from '../../graphql/account.model';
import type { AccountView } from '../../read-models/accounts.reader';
import type { SessionAccount } from '../../sessions/session.service';
import { AccountContactInput } from './account-contact.input';
import { ChangeAccountContactCommand } from './change-account-contact.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ChangeAccountContactResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => AccountModel)
  @Roles('OPERATOR')
  changeAccountContact(
    @Args('userId', { type: () => String }) userId: string,
    @Args('input', { type: () => AccountContactInput }) input: AccountContactInput,
    @CurrentAccount() operator: SessionAccount,
    @ClientAddress() clientAddress: string,
  ): Promise<AccountView> {
    return this.commandBus.execute(
      new ChangeAccountContactCommand(userId, input, { operator, clientAddress }),
    );
  }
}
