import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { accountErrors } from '../domain/account-error';
import type { AccountRole } from '../domain/account.event';
import { ROLES_KEY } from './auth.decorators';
import { refusal, rememberedAccount, requestOf } from './authenticated-request';

/** Runs after `GqlAuthGuard`; an operation without `@Roles(...)` is open to every signed-in role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const account = rememberedAccount(requestOf(context));
    if (!account) throw refusal(accountErrors.notSignedIn());
    const roles = this.reflector.getAllAndOverride<readonly AccountRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(account.role)) throw refusal(accountErrors.roleNotAllowed());
    return true;
  }
}
