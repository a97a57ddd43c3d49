import { accountMessages as m } from '../messages';
import type { Actor } from '@app/event-sourcing';
import type {
  ChangeContact,
  IssuedInitialPassword,
  ResetPassword,
  UnlockAccount,
} from './account.command';
import { accountErrors, type AccountError } from './account-error';
import type { EncryptedContact, InitialPasswordIssued } from './account.event';
import { INITIAL_PASSWORD_LIFETIME_MS, RESET_AFTER_EMAIL_CHANGE_MS, later } from './account-policy';
import { accepted, refused } from '@app/event-sourcing/domain';
import type { AccountDecision as Decision } from './account-error';
import type { AccountState, Active, Locked } from './account.state';
import { unreachable } from '@app/event-sourcing/domain';

/** ACC-5: only an operator unlocks, and the unlock issues an initial password. */
export function unlockAccount(command: UnlockAccount, state: AccountState, now: Date): Decision {
  const refusal = careRefusal(command.data.actor, state);
  if (refusal) return refused(refusal);
  if (state.status === 'Active') return refused(accountErrors.notLocked());
  if (state.status !== 'Locked') return refused(notInUse(state));
  return accepted({
    type: 'AccountUnlocked',
    data: {
      ...issued(state.accountId, command.data, now),
      clientAddress: command.data.clientAddress,
    },
  });
}

/**
 * ACC-5: only an operator re-initialises a forgotten password. A locked account is unlocked
 * instead, which issues an initial password too: one act, one event, one mail.
 */
export function resetPassword(command: ResetPassword, state: AccountState, now: Date): Decision {
  const refusal = careRefusal(command.data.actor, state);
  if (refusal) return refused(refusal);
  if (state.status === 'Locked') return refused(accountErrors.lockedResetRefused());
  if (state.status !== 'Active') return refused(notInUse(state));
  // ACC-9: whoever changed the address may not have the new password sent there at once.
  if (
    state.emailChangedAt !== null &&
    now.getTime() < Date.parse(state.emailChangedAt) + RESET_AFTER_EMAIL_CHANGE_MS
  ) {
    return refused(accountErrors.resetAfterEmailChange());
  }
  const reset = {
    type: 'PasswordReset',
    data: {
      ...issued(state.accountId, command.data, now),
      clientAddress: command.data.clientAddress,
    },
  } as const;
  // ACC-9: `reset-staff` is also the way back for a lost authenticator: the holder enrols again.
  // An operator's reset over the API leaves a customer's factor on.
  if (
    command.data.actor.role === 'SYSTEM' &&
    (state.secondFactor !== null || state.pendingSecondFactor !== null)
  ) {
    return accepted(reset, {
      type: 'MfaRemoved',
      data: { accountId: state.accountId, removedAt: now.toISOString() },
    });
  }
  return accepted(reset);
}

/** ACC-6: an operator changes e-mail, name or phone; the user ID is not a field of the command. */
export function changeContact(command: ChangeContact, state: AccountState, now: Date): Decision {
  const refusal = careRefusal(command.data.actor, state);
  if (refusal) return refused(refusal);
  if (state.status !== 'Active' && state.status !== 'Locked') return refused(notInUse(state));
  const changed = givenFields(command.data.changed);
  if (Object.keys(changed).length === 0) {
    return refused(
      accountErrors.invalidInput([
        {
          field: 'input',
          code: 'NOTHING_TO_CHANGE',
          message: m.noContactGiven,
        },
      ]),
    );
  }
  return accepted({
    type: 'ContactChanged',
    data: {
      accountId: state.accountId,
      clientAddress: command.data.clientAddress,
      changed,
      changedAt: now.toISOString(),
    },
  });
}

/**
 * ACC-5: an operator cares for accounts; ACC-9: over the API only for customers, so a stolen
 * operator session cannot take over another staff account. The command-line tools (actor SYSTEM)
 * care for staff accounts too.
 */
function careRefusal(actor: Actor, state: AccountState): AccountError | null {
  if (actor.role === 'SYSTEM') return null;
  if (actor.role !== 'OPERATOR') return accountErrors.operatorOnly();
  if ((state.status === 'Active' || state.status === 'Locked') && state.role !== 'CUSTOMER') {
    return accountErrors.staffAccountRefused();
  }
  return null;
}

function issued(
  accountId: string,
  { initialPasswordHash }: IssuedInitialPassword,
  now: Date,
): InitialPasswordIssued {
  return {
    accountId,
    initialPasswordHash,
    initialPasswordExpiresAt: later(now, INITIAL_PASSWORD_LIFETIME_MS),
  };
}

// An absent field and one given as undefined both mean "unchanged"; neither is recorded.
function givenFields({ email, name, phone }: Partial<EncryptedContact>): Partial<EncryptedContact> {
  return {
    ...(email !== undefined && { email }),
    ...(name !== undefined && { name }),
    ...(phone !== undefined && { phone }),
  };
}

function notInUse(state: Exclude<AccountState, Active | Locked>): AccountError {
  switch (state.status) {
    case 'PendingVerification':
      return accountErrors.awaitingVerification();
    case 'Unregistered':
    case 'RegistrationVoid':
    case 'Deleted':
      return accountErrors.notFound();
    default:
      return unreachable(state);
  }
}
