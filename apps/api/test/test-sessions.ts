import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { type AccountRole } from '@app/accounts';
import { SessionService, asEncryptedText, type Active } from '@app/accounts/testing';

export interface SignedIn {
  readonly accountId: string;
  readonly role: AccountRole;
  readonly headers: { readonly authorization: string };
}

/**
 * A live bearer session for an account of the given role, issued straight from the session
 * store: staff accounts come only from the CLI, and the login flow has its own specs.
 */
export async function signIn(
  app: INestApplication,
  role: AccountRole,
  accountId: string = randomUUID(),
): Promise<SignedIn> {
  const now = new Date();
  const account: Active = {
    status: 'Active',
    accountId,
    userIdHmac: null,
    role,
    contact: {
      email: asEncryptedText('sealed'),
      name: asEncryptedText('sealed'),
      phone: asEncryptedText('sealed'),
    },
    createdAt: now.toISOString(),
    passwordHash: 'unused',
    mustChangePassword: false,
    initialPasswordExpiresAt: null,
    activatedAt: now.toISOString(),
    lastLoginAt: null,
    consecutiveFailures: 0,
    emailChangedAt: null,
    // ACC-9: staff sessions here stand for enrolled staff (the factor's own specs enrol for real).
    secondFactor:
      role === 'CUSTOMER'
        ? null
        : { secret: asEncryptedText('sealed'), lastTimeStep: 0, unusedRecoveryCodeHashes: [] },
    pendingSecondFactor: null,
  };
  const { accessToken } = await app.get(SessionService).issue(account, now, '127.0.0.1');
  return { accountId, role, headers: { authorization: `Bearer ${accessToken}` } };
}
