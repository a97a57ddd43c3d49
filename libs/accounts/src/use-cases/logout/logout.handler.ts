import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { SecurityEventLog } from '../../security-events/security-event-log';
import { SessionService } from '../../sessions/session.service';
import { LogoutCommand } from './logout.command';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
    @Inject(SecurityEventLog) private readonly securityEvents: SecurityEventLog,
  ) {}

  async execute({ accessToken, account, clientAddress }: LogoutCommand): Promise<boolean> {
    if (accessToken !== null) await this.sessions.revoke(accessToken, this.clock());
    await this.securityEvents.loggedOut(
      { accountId: account.accountId, role: account.role },
      clientAddress,
    );
    return true;
  }
}
