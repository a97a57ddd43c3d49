import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '../../sessions/session.service';

/** ACC-5: also the way out of an initial password; every session ends with it. */
export class ChangePasswordCommand extends Command<boolean> {
  constructor(
    readonly account: SessionAccount,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly clientAddress: string,
  ) {
    super();
  }
}
