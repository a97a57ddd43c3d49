import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { clientAddressOf } from './client-address.decorator';
import { LoginCommand, type LoginResult } from '../use-cases/login/login.command';

/**
 * passport's local strategy (DESIGN.md, Auth) for `login`: the credentials come from the GraphQL
 * arguments (see GqlLocalAuthGuard), the check itself is the LoginCommand — throttling, the
 * argon2id verify, ACC-4's count and lock, and the session — so a refusal arrives as its
 * domain error, with its ErrorCode, rather than as passport's bare 401.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {
    super({ usernameField: 'userId', passwordField: 'password', passReqToCallback: true });
  }

  validate(
    request: IncomingMessage & { readonly body?: Readonly<Record<string, unknown>> },
    userId: string,
    password: string,
  ): Promise<LoginResult> {
    const clientAddress = clientAddressOf(request);
    const otp = request.body?.['otp'];
    return this.commandBus.execute(
      new LoginCommand(userId, password, clientAddress, typeof otp === 'string' ? otp : null),
    );
  }
}
