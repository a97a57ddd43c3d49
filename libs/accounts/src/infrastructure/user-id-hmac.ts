import { createHmac } from 'node:crypto';

/** What `PiiVault.derivedKey` is asked for: the key of every user ID's HMAC. */
export const USER_ID_STREAM_KEY_PURPOSE = 'user-id-stream-names/v1';

/**
 * Issue 11 §5: HMAC-SHA256 of a user ID under a key derived from the PII master key. It names the
 * ID's reservation stream and finds its account in the read model, so neither holds the ID: a
 * leaked table or stream list cannot be tried against guessed IDs without the master key.
 */
export function userIdHmac(userId: string, key: Buffer): string {
  return createHmac('sha256', key).update(userId, 'utf8').digest('hex');
}
