import { randomUUID } from 'node:crypto';
import { type AccountEvent } from '@app/accounts';
import { asEncryptedText, type EncryptedContact, type EncryptedText } from '@app/accounts/testing';
import type { PiiVault, RecordedEvent } from '@app/event-sourcing';

export const T0 = new Date('2026-11-26T01:00:00.000Z');

export function minutesAfter(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

/** One account's events, its personal data sealed in the vault as the accounts context does. */
export class AccountEventMother {
  readonly accountId = randomUUID();
  private revision = 0;

  constructor(
    private readonly vault: PiiVault,
    readonly userId: string,
    /** Events as recorded before issue 11 §5: the user ID in the clear. */
    private readonly recordedBeforeIssue11 = false,
  ) {}

  /** Stands in for the keyed HMAC the accounts context computes. */
  get userIdHmac(): string {
    return `hmac:${this.userId}`;
  }

  private async userIdFields() {
    return this.recordedBeforeIssue11
      ? { userId: this.userId }
      : { sealedUserId: await this.seal(this.userId), userIdHmac: this.userIdHmac };
  }

  seal(plaintext: string): Promise<EncryptedText> {
    return this.vault.encrypt(this.accountId, plaintext).then(asEncryptedText);
  }

  async contact(email: string): Promise<EncryptedContact> {
    return {
      email: await this.seal(email),
      name: await this.seal('山田 太郎'),
      phone: await this.seal('090-1234-5678'),
    };
  }

  async registered(email: string, token: string, at = T0): Promise<AccountEvent> {
    return {
      type: 'AccountRegistered',
      data: {
        accountId: this.accountId,
        ...(await this.userIdFields()),
        role: 'CUSTOMER',
        contact: await this.contact(email),
        passwordHash: 'hash:chosen',
        verificationTokenHash: 'hash:token',
        verificationToken: await this.seal(token),
        verificationExpiresAt: minutesAfter(at, 30).toISOString(),
        registeredAt: at.toISOString(),
      },
    };
  }

  async operatorCreated(email: string, at = T0): Promise<AccountEvent> {
    return {
      type: 'OperatorCreated',
      data: {
        accountId: this.accountId,
        ...(await this.userIdFields()),
        role: 'OPERATOR',
        contact: await this.contact(email),
        initialPasswordHash: 'hash:initial',
        initialPasswordExpiresAt: minutesAfter(at, 72 * 60).toISOString(),
        createdAt: at.toISOString(),
      },
    };
  }

  locked(at = T0): AccountEvent {
    return {
      type: 'AccountLocked',
      data: {
        accountId: this.accountId,
        reason: 'CONSECUTIVE_LOGIN_FAILURES',
        clientAddress: '203.0.113.7',
        lockedAt: at.toISOString(),
      },
    };
  }

  async initialPassword(
    type: 'AccountUnlocked' | 'PasswordReset',
    password: string,
    at = T0,
  ): Promise<AccountEvent> {
    const data = {
      accountId: this.accountId,
      initialPasswordHash: 'hash:initial',
      initialPassword: await this.seal(password),
      initialPasswordExpiresAt: minutesAfter(at, 72 * 60).toISOString(),
      clientAddress: '203.0.113.9',
    };
    return type === 'AccountUnlocked' ? { type, data } : { type, data };
  }

  async contactChanged(changes: { email?: string; phone?: string }): Promise<AccountEvent> {
    const changed: { email?: EncryptedText; phone?: EncryptedText } = {};
    if (changes.email !== undefined) changed.email = await this.seal(changes.email);
    if (changes.phone !== undefined) changed.phone = await this.seal(changes.phone);
    return {
      type: 'ContactChanged',
      data: { accountId: this.accountId, clientAddress: '203.0.113.9', changed },
    };
  }

  expired(at = T0): AccountEvent {
    return {
      type: 'RegistrationExpired',
      data: {
        accountId: this.accountId,
        userIdHmac: this.userIdHmac,
        expiredAt: at.toISOString(),
      },
    };
  }

  deleted(at = T0): AccountEvent {
    return {
      type: 'AccountDeletedForInactivity',
      data: {
        accountId: this.accountId,
        userIdHmac: this.userIdHmac,
        lastUsedAt: T0.toISOString(),
        deletedAt: at.toISOString(),
      },
    };
  }

  /** As the store hands it to a projection. */
  recorded(event: AccountEvent, occurredAt = T0): RecordedEvent {
    this.revision += 1;
    return {
      id: randomUUID(),
      stream: `account-${this.accountId}`,
      revision: this.revision - 1,
      position: BigInt(this.revision),
      checkpoint: `0:${this.revision}`,
      type: event.type,
      data: event.data,
      metadata: {
        correlationId: randomUUID(),
        causationId: null,
        actor: null,
        occurredAt,
        schemaVersion: 1,
        prevHash: '',
        hash: '',
      },
    };
  }
}
