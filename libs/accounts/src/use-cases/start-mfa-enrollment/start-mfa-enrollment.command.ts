import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '../../sessions/session.service';

export interface MfaEnrollment {
  readonly secret: string;
  readonly otpauthUri: string;
}

/** ACC-9: the session's own account, never another's. */
export class StartMfaEnrollmentCommand extends Command<MfaEnrollment> {
  constructor(readonly account: SessionAccount) {
    super();
  }
}
