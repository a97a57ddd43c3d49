import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ClientAddress } from '../../auth/client-address.decorator';
import { RegisterAccountCommand } from './register-account.command';
import { RegisterAccountInput } from './register-account.input';

@Resolver()
export class RegisterAccountResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => Boolean)
  registerAccount(
    @Args('input', { type: () => RegisterAccountInput }) input: RegisterAccountInput,
    @ClientAddress() clientAddress: string,
  ): Promise<boolean> {
    return this.commandBus.execute(new RegisterAccountCommand(input, clientAddress));
  }
}
