import { EntitySchema } from 'typeorm';

/** A mailed verification link (its token's SHA-256) and the account it was mailed for. */
export interface AccountVerificationLink {
  tokenHash: string;
  accountId: string;
}

export const AccountVerificationLinkEntity = new EntitySchema<AccountVerificationLink>({
  name: 'AccountVerificationLink',
  tableName: 'account_verification_links',
  columns: {
    tokenHash: { type: 'text', primary: true, name: 'token_hash' },
    accountId: { type: 'uuid', name: 'account_id' },
  },
});
