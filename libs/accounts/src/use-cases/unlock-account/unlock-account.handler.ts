import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AccountView } from '../../queries/accounts.query';
import { InitialPasswordCare } from '../initial-password-care';
import { actorOf } from '../operator-care';
import { UnlockAccountCommand } from './unlock-account.command';

@CommandHandler(UnlockAccountCommand)
export class UnlockAccountHandler implements ICommandHandler<UnlockAccountCommand> {
  constructor(@Inject(InitialPasswordCare) private readonly care: InitialPasswordCare) {}

  execute({ userId, request }: UnlockAccountCommand): Promise<AccountView> {
    const { operator, clientAddress } = request;
    const care = { actor: actorOf(operator), clientAddress };
    return this.care.issue('UnlockAccount', userId, care).then((issued) => issued.account);
  }
}
