import { EntitySchema } from 'typeorm';

/**
 * Where an account's mail goes, as the notifications context knows it from the account events:
 * the address stays the vault ciphertext copied from the event (opened only by the dispatcher).
 */
export interface MailRecipient {
  accountId: string;
  /** Vault ciphertext as the event holds it (in the clear from events before issue 11 §5). */
  userId: string;
  email: string;
  /** The addressee's name, vault ciphertext; null for rows kept before names were. */
  name?: string | null;
}

export const MailRecipientEntity = new EntitySchema<MailRecipient>({
  name: 'MailRecipient',
  tableName: 'mail_recipients',
  columns: {
    accountId: { type: 'uuid', primary: true, name: 'account_id' },
    userId: { type: 'text', name: 'user_id' },
    email: { type: 'text' },
    name: { type: 'text', nullable: true },
  },
});
