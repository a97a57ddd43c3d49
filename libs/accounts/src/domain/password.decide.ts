import { accountMessages as m } from '../messages';
import type { ChangePassword } from './account.command';
import { accountErrors, type AccountError } from './account-error';
import { accepted, refused } from '@app/event-sourcing/domain';
import type { AccountDecision as Decision } from './account-error';
import { initialPasswordExpired, wrongPassword } from './login.decide';
import type { AccountState } from './account.state';
import { unreachable } from '@app/event-sourcing/domain';

/**
 * ACC-5: the one operation an initial password allows, and the way out of it. The new password's
 * own rules (ACC-3, length, common passwords) are checked by the handler before hashing.
 */
export function changePassword(command: ChangePassword, state: AccountState, now: Date): Decision {
  switch (state.status) {
    case 'Active': {
      const { currentPasswordMatched, newPasswordIsCurrent, newPasswordHash } = command.data;
      if (state.mustChangePassword && initialPasswordExpired(state, now)) {
        return refused(accountErrors.initialPasswordExpired());
      }
      if (!currentPasswordMatched) {
        // ACC-4: a stolen session must not become an unthrottled password oracle.
        const counted = wrongPassword(state, command.data.clientAddress, now);
        return refused(
          fieldError('currentPassword', 'WRONG_CURRENT_PASSWORD', m.wrongCurrentPassword),
          ...counted.events,
        );
      }
      if (newPasswordIsCurrent) {
        return refused(fieldError('newPassword', 'PASSWORD_NOT_CHANGED', m.passwordNotChanged));
      }
      return accepted({
        type: 'PasswordChanged',
        data: { accountId: state.accountId, passwordHash: newPasswordHash },
      });
    }
    case 'Locked':
      return refused(accountErrors.locked());
    case 'PendingVerification':
      return refused(accountErrors.verificationPending());
    case 'Unregistered':
    case 'RegistrationVoid':
    case 'Deleted':
      return refused(accountErrors.invalidCredentials());
    default:
      return unreachable(state);
  }
}

function fieldError(field: string, code: string, message: string): AccountError {
  return accountErrors.invalidInput([{ field, code, message }]);
}
