import { Command } from '@nestjs/cqrs';
import type { AccountView } from '../../read-models/accounts.reader';

export class VerifyEmailCommand extends Command<AccountView> {
  constructor(
    readonly token: string,
    readonly clientAddress: string,
  ) {
    super();
  }
}
