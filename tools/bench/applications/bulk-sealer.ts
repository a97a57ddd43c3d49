import { createCipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'pii:v1:';
const IV_BYTES = 12;

/**
 * The PII vault's formats, for seeding only: a data key per subject wrapped by the master key
 * (iv ‖ ciphertext ‖ tag, AES-256-GCM) and tokens `pii:v1:<subject>:<iv>:<ciphertext ‖ tag>`
 * with the subject as additional data. The vault creates keys one round trip at a time; a
 * million subjects are inserted in batches instead. The seeder has the real `PiiVault` open a
 * sample, so a change of format fails the bench instead of seeding unreadable data.
 */
export class BulkSealer {
  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the PII master key must be 32 bytes');
  }

  newKey(): { readonly key: Buffer; readonly wrapped: Buffer } {
    const key = randomBytes(32);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    const wrapped = Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
    return { key, wrapped };
  }

  seal(subject: string, key: Buffer, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(subject, 'utf8'));
    const body = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${PREFIX}${b64(subject)}:${b64(iv)}:${b64(body)}`;
  }
}

function b64(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}
