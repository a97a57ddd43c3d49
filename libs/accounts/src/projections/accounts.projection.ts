import type { Projection, RecordedEvent } from '@app/event-sourcing';
import { In, type EntityManager } from 'typeorm';
import {
  storedUserIdOf,
  userIdHmacOf,
  type AccountEvent,
  type AccountEventType,
} from '../domain/account.event';
import { unreachable } from '@app/event-sourcing/domain';
import { ACCOUNT_STREAM_PREFIX } from '../infrastructure/account-repository';
import { toAccountEvent } from '../infrastructure/recorded-account-event';
import { AccountRowEntity, type AccountRow, type AccountRowStatus } from './account-row.entity';
import { AccountVerificationLinkEntity } from './account-verification-link.entity';

/** Login attempts that change nothing shown (failures, refusals) are not read. */
const ACCOUNTS_PROJECTION_EVENTS = [
  'AccountRegistered',
  'OperatorCreated',
  'EmailVerified',
  'RegistrationExpired',
  'LoginSucceeded',
  'AccountLocked',
  'AccountUnlocked',
  'PasswordReset',
  'PasswordChanged',
  'ContactChanged',
  'AccountDeletedForInactivity',
  'MfaEnabled',
  'MfaRemoved',
] as const satisfies readonly AccountEventType[];

const IN_USE: AccountRowStatus[] = ['ACTIVE', 'LOCKED'];

/**
 * Fills `accounts` inside the runner's transaction. The user ID and contact fields are copied as
 * ciphertext: the vault is not called here (decryption happens at query time), and each update is
 * guarded by the status `evolve` requires, so the row follows the aggregate.
 */
export const accountsProjection: Projection = {
  name: 'accounts',
  filter: { streamPrefixes: [ACCOUNT_STREAM_PREFIX], types: ACCOUNTS_PROJECTION_EVENTS },
  entities: [AccountRowEntity, AccountVerificationLinkEntity],
  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const event of events) await project(toAccountEvent(event), manager);
  },
};

async function project(event: AccountEvent, manager: EntityManager): Promise<void> {
  const update = (statuses: AccountRowStatus[], changes: Partial<AccountRow>) =>
    manager.update(AccountRowEntity, { id: event.data.accountId, status: In(statuses) }, changes);
  switch (event.type) {
    case 'AccountRegistered': {
      const { data } = event;
      await manager.insert(AccountRowEntity, {
        id: data.accountId,
        userId: storedUserIdOf(data),
        userIdHmac: userIdHmacOf(data),
        role: data.role,
        status: 'PENDING_VERIFICATION',
        ...data.contact,
        mustChangePassword: false,
        mfaEnabled: false,
        createdAt: new Date(data.registeredAt),
        lastLoginAt: null,
        deletedAt: null,
        verificationTokenHash: data.verificationTokenHash,
      });
      // A 256-bit token's hash does not repeat; ignoring a repeat keeps the first link's account.
      await manager
        .createQueryBuilder()
        .insert()
        .into(AccountVerificationLinkEntity)
        .values({ tokenHash: data.verificationTokenHash, accountId: data.accountId })
        .orIgnore()
        .execute();
      return;
    }
    case 'OperatorCreated': {
      const { data } = event;
      await manager.insert(AccountRowEntity, {
        id: data.accountId,
        userId: storedUserIdOf(data),
        userIdHmac: userIdHmacOf(data),
        role: data.role,
        status: 'ACTIVE',
        ...data.contact,
        mustChangePassword: true,
        mfaEnabled: false,
        createdAt: new Date(data.createdAt),
        lastLoginAt: null,
        deletedAt: null,
        verificationTokenHash: null,
      });
      return;
    }
    case 'EmailVerified':
      await update(['PENDING_VERIFICATION'], { status: 'ACTIVE' });
      return;
    case 'RegistrationExpired':
      // ACC-2: the registration is void and its user ID free; no contract status shows it.
      await manager.delete(AccountRowEntity, {
        id: event.data.accountId,
        status: 'PENDING_VERIFICATION',
      });
      return;
    case 'LoginSucceeded':
      await update(['ACTIVE'], { lastLoginAt: new Date(event.data.loggedInAt) });
      return;
    case 'AccountLocked':
      await update(['ACTIVE'], { status: 'LOCKED' });
      return;
    case 'AccountUnlocked':
      await update(['LOCKED'], { status: 'ACTIVE', mustChangePassword: true });
      return;
    case 'PasswordReset':
      await update(['ACTIVE'], { mustChangePassword: true });
      return;
    case 'PasswordChanged':
      await update(['ACTIVE'], { mustChangePassword: false });
      return;
    case 'ContactChanged':
      if (Object.keys(event.data.changed).length > 0) await update(IN_USE, event.data.changed);
      return;
    case 'AccountDeletedForInactivity':
      // ACC-7: the ciphertext goes too, not only its key; the HMAC no longer finds anybody.
      await update(IN_USE, {
        status: 'DELETED',
        deletedAt: new Date(event.data.deletedAt),
        userId: null,
        userIdHmac: null,
        email: null,
        name: null,
        phone: null,
        verificationTokenHash: null,
      });
      return;
    case 'MfaEnabled':
      await update(['ACTIVE'], { mfaEnabled: true });
      return;
    case 'MfaRemoved':
      await update(IN_USE, { mfaEnabled: false });
      return;
    case 'LoginFailed':
    case 'LoginRefused':
    case 'MfaEnrollmentStarted':
      return;
    default:
      unreachable(event);
  }
}
