import { EntitySchema } from 'typeorm';
import type { AccountRole } from '../domain/account.event';

export type AccountRowStatus = 'PENDING_VERIFICATION' | 'ACTIVE' | 'LOCKED' | 'DELETED';

/** One account as `me` and `accounts` show it; contact fields stay vault ciphertext here. */
export interface AccountRow {
  id: string;
  /**
   * Issue 11 §5: the user ID sealed under the account's key, as its events hold it (in the clear
   * in rows projected from events recorded before); null once deleted (ACC-7).
   */
  userId: string | null;
  /** The keyed HMAC the account is found by; null once deleted, or for rows from older events. */
  userIdHmac: string | null;
  role: AccountRole;
  status: AccountRowStatus;
  /** Null once deleted (ACC-7); reads as the vault's erased marker. */
  email: string | null;
  name: string | null;
  phone: string | null;
  mustChangePassword: boolean;
  /** ACC-9: the holder confirmed a second factor. */
  mfaEnabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
  deletedAt: Date | null;
  /** SHA-256 of the mailed verification token (customers only); never the token. */
  verificationTokenHash: string | null;
}

export const AccountRowEntity = new EntitySchema<AccountRow>({
  name: 'AccountRow',
  tableName: 'accounts',
  columns: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'text', name: 'user_id', nullable: true },
    userIdHmac: { type: 'text', name: 'user_id_hmac', nullable: true },
    role: { type: 'text' },
    status: { type: 'text' },
    email: { type: 'text', nullable: true },
    name: { type: 'text', nullable: true },
    phone: { type: 'text', nullable: true },
    mustChangePassword: { type: 'boolean', name: 'must_change_password' },
    mfaEnabled: { type: 'boolean', name: 'mfa_enabled', default: false },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    lastLoginAt: { type: 'timestamptz', name: 'last_login_at', nullable: true },
    deletedAt: { type: 'timestamptz', name: 'deleted_at', nullable: true },
    verificationTokenHash: { type: 'text', name: 'verification_token_hash', nullable: true },
  },
});
