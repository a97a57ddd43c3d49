import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { quoteIdent } from '../database/quote-ident';

/** What a field reads as once its subject has been forgotten (ACC-7). */
export const PII_ERASED = '（消去済み）';

const PREFIX = 'pii:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SubjectForgottenError extends Error {
  override readonly name = 'SubjectForgottenError';
  constructor(readonly subject: string) {
    super(`personal data of ${subject} was erased; nothing new may be stored under it`);
  }
}

export interface PiiVaultOptions {
  readonly pool: Pool;
  readonly schema: string;
  /** 32 bytes that wrap every data key, kept outside the database. */
  readonly masterKey: Buffer;
  /** How long another process may keep using a key after `forget`. */
  readonly cacheTtlMs?: number;
  readonly now?: () => number;
}

/**
 * Crypto-shredding: personal data in events is encrypted (AES-256-GCM) under a data key per
 * subject; `forget` destroys the key, so every copy of the data, in events, replays and backups
 * of the events table, becomes unreadable while the events and their hash chain stay as stored.
 * Data keys are stored wrapped by the master key, so the database alone reveals nothing.
 */
export class PiiVault {
  private readonly table: string;
  private readonly cache = new Map<string, { key: Buffer | null; expires: number }>();
  private readonly cacheTtlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PiiVaultOptions) {
    if (options.masterKey.length !== 32) throw new Error('the PII master key must be 32 bytes');
    this.table = `${quoteIdent(options.schema)}.pii_keys`;
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  static isEncrypted(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  async encrypt(subject: string, plaintext: string): Promise<string> {
    const key = await this.keyOrNew(subject);
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

  /** The plaintext, or `PII_ERASED` once the subject is forgotten. Tampering throws. */
  async decrypt(token: string): Promise<string> {
    const { subject, iv, body } = parse(token);
    const key = await this.keyFor(subject);
    if (key === undefined) throw new Error(`no data key for ${subject}`);
    if (key === null) return PII_ERASED;
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(subject, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  /**
   * A 32-byte key for another purpose (e.g. keyed hashes of identifiers in stream names), derived
   * from the master key by HKDF-SHA256 with the purpose as info: never the master key itself.
   */
  derivedKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.options.masterKey, Buffer.alloc(0), purpose, 32));
  }

  async forget(subject: string): Promise<void> {
    await this.options.pool.query(
      `INSERT INTO ${this.table} (subject, wrapped_key, forgotten_at) VALUES ($1, NULL, now())
       ON CONFLICT (subject) DO UPDATE SET wrapped_key = NULL, forgotten_at = coalesce(${this.table}.forgotten_at, now())`,
      [subject],
    );
    this.cache.set(subject, { key: null, expires: Number.POSITIVE_INFINITY });
  }

  /**
   * Loads the keys of these subjects that are not cached, in one query, so that decrypting a page
   * of them (one subject per application) is not one query per row.
   */
  async prefetch(subjects: readonly string[]): Promise<void> {
    const missing = [...new Set(subjects)].filter((subject) => {
      const cached = this.cache.get(subject);
      return !cached || cached.expires <= this.now();
    });
    if (missing.length === 0) return;
    const { rows } = await this.options.pool.query<{ subject: string; wrapped_key: Buffer | null }>(
      `SELECT subject, wrapped_key FROM ${this.table} WHERE subject = ANY($1::text[])`,
      [missing],
    );
    for (const row of rows) this.remembered(row.subject, row.wrapped_key);
  }

  /** The subject's key; null when forgotten; undefined when it never had one. */
  private async keyFor(subject: string): Promise<Buffer | null | undefined> {
    const cached = this.cache.get(subject);
    if (cached && cached.expires > this.now()) return cached.key;
    const { rows } = await this.options.pool.query<{ wrapped_key: Buffer | null }>(
      `SELECT wrapped_key FROM ${this.table} WHERE subject = $1`,
      [subject],
    );
    const row = rows[0];
    return row ? this.remembered(subject, row.wrapped_key) : undefined;
  }

  private remembered(subject: string, wrapped: Buffer | null): Buffer | null {
    const key = wrapped ? this.unwrap(wrapped) : null;
    this.remember(subject, key);
    return key;
  }

  /**
   * The subject's key, created when it has none, in one statement: a submission seals its fields
   * under a new subject, where a read, an insert and a read again were three transactions.
   */
  private async keyOrNew(subject: string): Promise<Buffer> {
    const cached = this.cache.get(subject);
    if (cached && cached.expires > this.now()) {
      if (cached.key === null) throw new SubjectForgottenError(subject);
      return cached.key;
    }
    const { rows } = await this.options.pool.query<{ wrapped_key: Buffer | null }>(
      `WITH found AS (SELECT wrapped_key FROM ${this.table} WHERE subject = $1),
            created AS (
              INSERT INTO ${this.table} (subject, wrapped_key)
              SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM found)
              ON CONFLICT (subject) DO NOTHING
              RETURNING wrapped_key
            )
       SELECT wrapped_key FROM found UNION ALL SELECT wrapped_key FROM created`,
      [subject, this.wrap(randomBytes(32))],
    );
    // No row: a concurrent writer inserted first, after this statement's snapshot. Its key counts.
    const stored = rows[0]
      ? this.remembered(subject, rows[0].wrapped_key)
      : await this.keyFor(subject);
    if (stored === null) throw new SubjectForgottenError(subject);
    if (stored === undefined) throw new Error(`data key for ${subject} was not stored`);
    return stored;
  }

  private remember(subject: string, key: Buffer | null): void {
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(subject, {
      key,
      expires: key ? this.now() + this.cacheTtlMs : Number.POSITIVE_INFINITY,
    });
  }

  private wrap(key: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.options.masterKey, iv);
    return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  }

  private unwrap(wrapped: Buffer): Buffer {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.options.masterKey,
      wrapped.subarray(0, IV_BYTES),
    );
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)),
      decipher.final(),
    ]);
  }
}

function b64(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

function parse(token: string): { subject: string; iv: Buffer; body: Buffer } {
  const parts = token.startsWith(PREFIX) ? token.slice(PREFIX.length).split(':') : [];
  const [subject, iv, body] = parts;
  if (parts.length !== 3 || !subject || !iv || !body) throw new Error('not a PII vault token');
  return {
    subject: Buffer.from(subject, 'base64url').toString('utf8'),
    iv: Buffer.from(iv, 'base64url'),
    body: Buffer.from(body, 'base64url'),
  };
}
