import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '../../sessions/session.service';

/** Ends the session the request came with, and only that one. */
export class LogoutCommand extends Command<boolean> {
  constructor(
    readonly accessToken: string | null,
    readonly account: SessionAccount,
    readonly clientAddress: string,
  ) {
    super();
  }
}
