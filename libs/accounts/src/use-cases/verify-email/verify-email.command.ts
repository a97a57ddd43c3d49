import { Command } from '@nestjs/cqrs';
import type { AccountView } from '../../queries/accounts.query';

export class VerifyEmailCommand extends Command<AccountView> {
  constructor(
    readonly token: string,
    readonly clientAddress: string,
  ) {
    super();
  }
}
