import { Command } from '@nestjs/cqrs';
import type { AccountView } from '../../read-models/accounts.reader';

export interface LoginResult {
  readonly accessToken: string;
  readonly expiresAt: Date;
  readonly account: AccountView;
}

export class LoginCommand extends Command<LoginResult> {
  constructor(
    readonly userId: string,
    readonly password: string,
    readonly clientAddress: string,
    /** ACC-9: a TOTP code or a recovery code; null when none was given. */
    readonly otp: string | null = null,
  ) {
    super();
  }
}
