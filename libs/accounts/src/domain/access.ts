import { accountErrors, type AccountError } from './account-error';
import type { AccountState } from './account.state';
import { unreachable } from '@app/event-sourcing/domain';

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
