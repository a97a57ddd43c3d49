import { PII_ERASED, PiiVault, SubjectForgottenError } from '@app/event-sourcing';
import type { EncryptedContact, SealedUserId } from '../domain/account.event';
import { asEncryptedText, type EncryptedText } from '../domain/encrypted-text';
import { USER_ID_STREAM_KEY_PURPOSE, userIdHmac } from './user-id-hmac';

export interface PlainContact {
  readonly email: string;
  readonly name: string;
  readonly phone: string;
}

/**
 * Personal fields go through the PII vault under the account's own key (subject = account ID), so
 * forgetting that key (ACC-7) erases them from every event and read model at once.
 */
export class AccountContactCipher {
  private readonly userIdKey: Buffer;

  constructor(private readonly vault: PiiVault) {
    this.userIdKey = vault.derivedKey(USER_ID_STREAM_KEY_PURPOSE);
  }

  /** Issue 11 §5: the user ID as events hold it, sealed and with its keyed HMAC. */
  async sealUserId(accountId: string, userId: string): Promise<SealedUserId> {
    return {
      sealedUserId: await this.encrypt(accountId, userId),
      userIdHmac: this.userIdHmac(userId),
    };
  }

  /** What the read model and the reservation stream know a user ID by. */
  userIdHmac(userId: string): string {
    return userIdHmac(userId, this.userIdKey);
  }

  /**
   * A user ID as the read model holds it: sealed (opened here), in the clear for an account
   * registered before issue 11 §5, or null once deleted (ACC-7).
   */
  openUserId(stored: string | null): Promise<string> {
    return stored !== null && !PiiVault.isEncrypted(stored)
      ? Promise.resolve(stored)
      : this.decrypt(stored);
  }

  async encryptContact(accountId: string, contact: PlainContact): Promise<EncryptedContact> {
    const [email, name, phone] = await Promise.all([
      this.encrypt(accountId, contact.email),
      this.encrypt(accountId, contact.name),
      this.encrypt(accountId, contact.phone),
    ]);
    return { email, name, phone };
  }

  /** ACC-6: only the given fields. */
  async encryptChanges(
    accountId: string,
    changes: Partial<PlainContact>,
  ): Promise<Partial<EncryptedContact>> {
    const encrypted: { -readonly [K in keyof EncryptedContact]?: EncryptedText } = {};
    for (const field of ['email', 'name', 'phone'] as const) {
      const value = changes[field];
      if (value !== undefined) encrypted[field] = await this.encrypt(accountId, value);
    }
    return encrypted;
  }

  /** The plaintext; `PII_ERASED` once the key is forgotten or the read model dropped the field. */
  decrypt(token: string | null): Promise<string> {
    return token === null ? Promise.resolve(PII_ERASED) : this.vault.decrypt(token);
  }

  /** A secret only the holder's mail may carry (verification token, initial password). */
  seal(accountId: string, secret: string): Promise<EncryptedText> {
    return this.encrypt(accountId, secret);
  }

  /**
   * Issue 11 §5: a client address as an event records it, sealed under the account's key, so
   * ACC-7's forgotten key erases it with the rest. An account already forgotten (a request racing
   * its deletion) records what erased data reads as.
   */
  async sealAddress(accountId: string, address: string): Promise<string> {
    try {
      return await this.encrypt(accountId, address);
    } catch (error) {
      if (error instanceof SubjectForgottenError) return PII_ERASED;
      throw error;
    }
  }

  private async encrypt(accountId: string, plaintext: string): Promise<EncryptedText> {
    return asEncryptedText(await this.vault.encrypt(accountId, plaintext));
  }
}
