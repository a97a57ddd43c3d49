import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AccountView } from '../../queries/accounts.query';
import { InitialPasswordCare } from '../initial-password-care';
import { actorOf } from '../operator-care';
import { ResetPasswordCommand } from './reset-password.command';

@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  constructor(@Inject(InitialPasswordCare) private readonly care: InitialPasswordCare) {}

  execute({ userId, request }: ResetPasswordCommand): Promise<AccountView> {
    const { operator, clientAddress } = request;
    const care = { actor: actorOf(operator), clientAddress };
    return this.care.issue('ResetPassword', userId, care).then((issued) => issued.account);
  }
}
