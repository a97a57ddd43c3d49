import { accountErrors, type AccountError } from './account-error';
import type { AccountState, Active } from './account.state';
import { unreachable } from '@app/event-sourcing/domain';

/**
 * ACC-9: a staff account without a second factor signs in to a session that may only enrol it
 * (and `me`, `changePassword`, `logout`); every other operation answers MFA_REQUIRED.
 */
export function mustEnrolSecondFactor(state: Active): boolean {
  return state.role !== 'CUSTOMER' && state.secondFactor === null;
}

/**
 * Why a signed-in account may not run an operation other than `changePassword` (ACC-5), or null
 * when it may. Guards call it on every request, since a session outlives none of these changes
 * by more than its own lifetime.
 */
export function accessRefusal(state: AccountState): AccountError | null {
  switch (state.status) {
    case 'Active':
      return state.mustChangePassword ? accountErrors.passwordChangeRequired() : null;
    case 'Locked':
      return accountErrors.locked();
    case 'PendingVerification':
      return accountErrors.verificationPending();
    case 'Unregistered':
    case 'RegistrationVoid':
    case 'Deleted':
      return accountErrors.invalidCredentials();
    default:
      return unreachable(state);
  }
}
