import type { EncryptedText } from '../domain/encrypted-text';

/**
 * A secret only the holder's mail may carry (ACC-2's verification token, ACC-5's initial
 * password), sealed under the account's PII key, with the hash its event records.
 */
export interface MailSecret {
  readonly accountId: string;
  /** The hash the event holds (`verificationTokenHash`, `initialPasswordHash`). */
  readonly hash: string;
  readonly sealed: EncryptedText;
}

/**
 * Issue 11 §5: events keep only a secret's hash; the sealed plaintext is handed to the mail
 * ledger before the event is appended, keyed by account and hash, so the mail projection finds it
 * when it processes the event and erases it once the mail is sent. A secret whose event never
 * landed is never mailed and is purged. Implemented by the notifications context (its ledger),
 * which provides this class's token.
 */
export abstract class MailSecrets {
  abstract handOver(secret: MailSecret): Promise<void>;
}
