import { Command } from '@nestjs/cqrs';

/** Ends the session the request came with, and only that one. */
export class LogoutCommand extends Command<boolean> {
  constructor(readonly accessToken: string | null) {
    super();
  }
}
