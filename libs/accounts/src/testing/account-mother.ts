import type { Actor } from '@app/event-sourcing';
import type { AccountEvent, EncryptedContact, SealedUserId } from '../domain/account.event';
import { asEncryptedText } from '../domain/encrypted-text';

export const ACCOUNT_ID = '0b7e6a52-4f4b-4c8e-9d55-2f3a6f0c1a01';
/** Issue 11 §5: the user ID as events hold it (stand-ins for the vault's ciphertext and the HMAC). */
export const USER_ID: SealedUserId = {
  sealedUserId: asEncryptedText('enc:user-id'),
  userIdHmac: 'hmac:user-id',
};
export const CLIENT = '203.0.113.7';
export const T0 = new Date('2026-04-01T00:00:00.000Z');

export const operator: Actor = { id: 'op-1', role: 'OPERATOR' };
export const auditor: Actor = { id: 'au-1', role: 'AUDITOR' };
export const customer: Actor = { id: ACCOUNT_ID, role: 'CUSTOMER' };

export const contact: EncryptedContact = {
  email: asEncryptedText('enc:email'),
  name: asEncryptedText('enc:name'),
  phone: asEncryptedText('enc:phone'),
};

/** The vault ciphertexts the mailer opens (ACC-2, ACC-5). */

export function minutesAfter(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

export function hoursAfter(instant: Date, hours: number): Date {
  return minutesAfter(instant, hours * 60);
}

/** Registered at T0, so its link works until T0 + 30 minutes. */
export function registered(): AccountEvent {
  return {
    type: 'AccountRegistered',
    data: {
      accountId: ACCOUNT_ID,
      ...USER_ID,
      role: 'CUSTOMER',
      contact,
      passwordHash: 'hash:chosen',
      verificationTokenHash: 'hash:token',
      verificationExpiresAt: minutesAfter(T0, 30).toISOString(),
      registeredAt: T0.toISOString(),
    },
  };
}

export function verified(at = minutesAfter(T0, 5)): AccountEvent {
  return { type: 'EmailVerified', data: { accountId: ACCOUNT_ID, verifiedAt: at.toISOString() } };
}

/** A registered and verified customer. */
export function activeAccount(): AccountEvent[] {
  return [registered(), verified()];
}

export function loggedIn(at: Date, mustChangePassword = false): AccountEvent {
  return {
    type: 'LoginSucceeded',
    data: {
      accountId: ACCOUNT_ID,
      clientAddress: CLIENT,
      loggedInAt: at.toISOString(),
      mustChangePassword,
    },
  };
}

export function failed(consecutiveFailures: number): AccountEvent {
  return {
    type: 'LoginFailed',
    data: { accountId: ACCOUNT_ID, clientAddress: CLIENT, consecutiveFailures },
  };
}

export function locked(at: Date): AccountEvent {
  return {
    type: 'AccountLocked',
    data: {
      accountId: ACCOUNT_ID,
      reason: 'CONSECUTIVE_LOGIN_FAILURES',
      clientAddress: CLIENT,
      lockedAt: at.toISOString(),
    },
  };
}

export function lockedAccount(at = hoursAfter(T0, 1)): AccountEvent[] {
  return [...activeAccount(), failed(1), failed(2), failed(3), locked(at)];
}

function issued(at: Date) {
  return {
    accountId: ACCOUNT_ID,
    initialPasswordHash: 'hash:initial',
    initialPasswordExpiresAt: hoursAfter(at, 72).toISOString(),
  };
}

export function unlocked(at: Date): AccountEvent {
  return { type: 'AccountUnlocked', data: { ...issued(at), clientAddress: CLIENT } };
}

export function passwordReset(at: Date): AccountEvent {
  return { type: 'PasswordReset', data: { ...issued(at), clientAddress: CLIENT } };
}

/** ACC-9: the sealed TOTP secret and the recovery codes' hashes (plain stand-ins here). */
export const sealedSecret = asEncryptedText('enc:totp-secret');
export const recoveryCodeHashes = Array.from({ length: 10 }, (_, i) => `hash:recovery-${i}`);

export function mfaStarted(at: Date, secret = sealedSecret): AccountEvent {
  return {
    type: 'MfaEnrollmentStarted',
    data: { accountId: ACCOUNT_ID, secret, startedAt: at.toISOString() },
  };
}

export function mfaEnabled(at: Date, timeStep: number): AccountEvent {
  return {
    type: 'MfaEnabled',
    data: {
      accountId: ACCOUNT_ID,
      secret: sealedSecret,
      recoveryCodeHashes,
      timeStep,
      enabledAt: at.toISOString(),
    },
  };
}

/** The 30-second RFC 6238 time step of an instant. */
export function timeStepOf(at: Date): number {
  return Math.floor(at.getTime() / 30_000);
}

/** A staff account created by the tool at T0 that has set its own password. */
export function staffAccount(role: 'OPERATOR' | 'AUDITOR' = 'OPERATOR'): AccountEvent[] {
  return [
    {
      type: 'OperatorCreated',
      data: {
        accountId: ACCOUNT_ID,
        ...USER_ID,
        role,
        contact,
        createdAt: T0.toISOString(),
        initialPasswordHash: 'hash:initial',
        initialPasswordExpiresAt: hoursAfter(T0, 72).toISOString(),
      },
    },
    { type: 'PasswordChanged', data: { accountId: ACCOUNT_ID, passwordHash: 'hash:chosen' } },
  ];
}
