import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '../../sessions/session.service';

/** ACC-9: answers the ten recovery codes, the only time they are shown. */
export class ConfirmMfaEnrollmentCommand extends Command<readonly string[]> {
  constructor(
    readonly account: SessionAccount,
    readonly code: string,
  ) {
    super();
  }
}
