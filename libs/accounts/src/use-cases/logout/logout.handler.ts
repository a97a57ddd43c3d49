import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { SessionService } from '../../sessions/session.service';
import { LogoutCommand } from './logout.command';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
  ) {}

  async execute({ accessToken }: LogoutCommand): Promise<boolean> {
    if (accessToken !== null) await this.sessions.revoke(accessToken, this.clock());
    return true;
  }
}
