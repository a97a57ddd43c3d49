import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { accountErrors } from '../domain/account-error';
import { SessionService } from '../sessions/session.service';
import {
  ALLOW_BEFORE_MFA_ENROLMENT_KEY,
  ALLOW_WHILE_PASSWORD_CHANGE_REQUIRED_KEY,
} from './auth.decorators';
import {
  bearerTokenOf,
  refusal,
  rememberAccount,
  rememberedAccount,
  requestOf,
} from './authenticated-request';
import { SESSION_CLOCK, type SessionClock } from './session-clock';

/**
 * Lets through only requests with a live bearer session. A plain guard rather than a passport
 * strategy: `passport-http-bearer` is not installed, `passport-strategy` is only passport's own
 * dependency and neither ships types, and a bearer check uses none of passport's machinery.
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    let account = rememberedAccount(request);
    if (!account) {
      const token = bearerTokenOf(request);
      account = token
        ? ((await this.sessions.authenticate(token, this.clock())) ?? undefined)
        : undefined;
      if (!account) throw refusal(accountErrors.notSignedIn());
      rememberAccount(request, account);
    }
    const allows = (key: string) =>
      this.reflector.getAllAndOverride<boolean | undefined>(key, [
        context.getHandler(),
        context.getClass(),
      ]) === true;
    // ACC-5 first: an initial password is replaced before anything else, enrolment included.
    if (account.mustChangePassword && !allows(ALLOW_WHILE_PASSWORD_CHANGE_REQUIRED_KEY)) {
      throw refusal(accountErrors.passwordChangeRequired());
    }
    if (account.mfaEnrolmentRequired && !allows(ALLOW_BEFORE_MFA_ENROLMENT_KEY)) {
      throw refusal(accountErrors.mfaEnrolmentRequired());
    }
    return true;
  }
}
