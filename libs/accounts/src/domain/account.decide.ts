import type { AccountCommand } from './account.command';
import type { AccountDecision as Decision } from './account-error';
import { deleteForInactivity } from './inactivity.decide';
import { recordLoginAttempt } from './login.decide';
import { confirmMfaEnrollment, startMfaEnrollment } from './mfa.decide';
import { changeContact, resetPassword, unlockAccount } from './operator-care.decide';
import { changePassword } from './password.decide';
import { createOperator, expireRegistration, register, verifyEmail } from './registration.decide';
import type { AccountState } from './account.state';
import { unreachable } from '@app/event-sourcing/domain';

/** The Account aggregate's decisions; `now` comes from the injectable clock, never from here. */
export function decide(command: AccountCommand, state: AccountState, now: Date): Decision {
  switch (command.type) {
    case 'RegisterAccount':
      return register(command, state, now);
    case 'VerifyEmail':
      return verifyEmail(command, state, now);
    case 'ExpireRegistration':
      return expireRegistration(command, state, now);
    case 'RecordLoginAttempt':
      return recordLoginAttempt(command, state, now);
    case 'UnlockAccount':
      return unlockAccount(command, state, now);
    case 'ResetPassword':
      return resetPassword(command, state, now);
    case 'ChangePassword':
      return changePassword(command, state, now);
    case 'ChangeContact':
      return changeContact(command, state, now);
    case 'DeleteForInactivity':
      return deleteForInactivity(command, state, now);
    case 'CreateOperator':
      return createOperator(command, state, now);
    case 'StartMfaEnrollment':
      return startMfaEnrollment(command, state, now);
    case 'ConfirmMfaEnrollment':
      return confirmMfaEnrollment(command, state, now);
    default:
      return unreachable(command);
  }
}
