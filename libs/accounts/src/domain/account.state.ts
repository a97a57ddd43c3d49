import type { AccountRole, EncryptedContact } from './account.event';
import type { EncryptedText } from './encrypted-text';
import { unreachable } from '@app/event-sourcing/domain';

interface AccountRecord {
  readonly accountId: string;
  /** Issue 11 §5: what frees the user ID's reservation; null if registered before it. */
  readonly userIdHmac: string | null;
  readonly role: AccountRole;
  readonly contact: EncryptedContact;
  readonly createdAt: string;
}

/** What a login is checked against; hashing and verifying happen outside the domain. */
export interface Credentials {
  readonly passwordHash: string;
  /** ACC-5: set by an initial password until the holder chooses one. */
  readonly mustChangePassword: boolean;
  readonly initialPasswordExpiresAt: string | null;
}

interface InUse extends AccountRecord, Credentials {
  /** ACC-7 counts from the last successful login, or from here when there was none. */
  readonly activatedAt: string;
  readonly lastLoginAt: string | null;
  readonly consecutiveFailures: number;
  /** ACC-9: when the e-mail address last changed, if known; a reset waits 24 hours after it. */
  readonly emailChangedAt: string | null;
  /** ACC-9: the second factor, once the holder confirmed it. */
  readonly secondFactor: SecondFactor | null;
  /** ACC-9: a secret handed out by startMfaEnrollment and not yet confirmed. */
  readonly pendingSecondFactor: EncryptedText | null;
}

/** ACC-9's TOTP factor (RFC 6238) as a login checks it. */
export interface SecondFactor {
  readonly secret: EncryptedText;
  /** No code of this time step or an earlier one is accepted again (replay). */
  readonly lastTimeStep: number;
  readonly unusedRecoveryCodeHashes: readonly string[];
}

export interface Unregistered {
  readonly status: 'Unregistered';
}

export interface PendingVerification extends AccountRecord {
  readonly status: 'PendingVerification';
  readonly passwordHash: string;
  readonly verificationTokenHash: string;
  readonly verificationExpiresAt: string;
}

export interface Active extends InUse {
  readonly status: 'Active';
}

export interface Locked extends InUse {
  readonly status: 'Locked';
  readonly lockedAt: string;
}

/** ACC-2: never verified in time. Not a contract status: the read model drops the row. */
export interface RegistrationVoid {
  readonly status: 'RegistrationVoid';
  readonly accountId: string;
  readonly userIdHmac: string | null;
}

/** ACC-7: no contact, no credentials; the user ID may be registered anew (as another account). */
export interface Deleted {
  readonly status: 'Deleted';
  readonly accountId: string;
  readonly userIdHmac: string | null;
  readonly role: AccountRole;
  readonly deletedAt: string;
}

export type AccountState =
  Unregistered | PendingVerification | Active | Locked | RegistrationVoid | Deleted;

export const initialState: AccountState = { status: 'Unregistered' };

/** ACC-7: the instant the account was last used. */
export function lastUsedAt(account: Active | Locked): string {
  return account.lastLoginAt ?? account.activatedAt;
}

/** The contract's `AccountStatus`, for states that have a row in the read model. */
export function contractStatusOf(
  state: AccountState,
): 'PENDING_VERIFICATION' | 'ACTIVE' | 'LOCKED' | 'DELETED' | null {
  switch (state.status) {
    case 'PendingVerification':
      return 'PENDING_VERIFICATION';
    case 'Active':
      return 'ACTIVE';
    case 'Locked':
      return 'LOCKED';
    case 'Deleted':
      return 'DELETED';
    case 'Unregistered':
    case 'RegistrationVoid':
      return null;
    default:
      return unreachable(state);
  }
}
