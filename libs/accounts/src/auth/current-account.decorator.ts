import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { accountErrors } from '../domain/account-error';
import type { SessionAccount } from '../sessions/session.service';
import { refusal, rememberedAccount, requestOf } from './authenticated-request';

/** The signed-in account, as `GqlAuthGuard` found it. */
export const CurrentAccount = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SessionAccount => {
    const account = rememberedAccount(requestOf(context));
    if (!account) throw refusal(accountErrors.notSignedIn());
    return account;
  },
);
