import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeOnce } from '../nest/write-once';

// PKCS#8 DER of an Ed25519 private key is this prefix followed by the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Where the embedded setup keeps its history signing key: `./var/history-signing.key`. */
export function historySigningKeyFile(root: string = process.cwd()): string {
  return resolve(root, 'var/history-signing.key');
}

/**
 * The Ed25519 private key in `text`: PEM (PKCS#8), or base64 of the 32-byte seed or of PKCS#8
 * DER. Throws with a reason fit for a configuration error.
 */
export function parseHistorySigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    if (trimmed.startsWith('-----BEGIN')) {
      key = createPrivateKey({ key: trimmed, format: 'pem' });
    } else {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new Error('not base64');
      const der = Buffer.from(trimmed, 'base64');
      key = createPrivateKey({
        key: der.length === 32 ? Buffer.concat([ED25519_PKCS8_PREFIX, der]) : der,
        format: 'der',
        type: 'pkcs8',
      });
    }
  } catch {
    throw new Error(
      'must be an Ed25519 private key: PEM (PKCS#8), or base64 of its 32-byte seed ' +
        '(e.g. `openssl genpkey -algorithm ed25519`)',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('must be an Ed25519 private key');
  return key;
}

/**
 * The key kept in `file` (PEM), created on first use and never overwritten: the checkpoints it
 * signed verify only with its public half.
 */
export async function readOrCreateHistorySigningKey(file: string): Promise<KeyObject> {
  const existing = await readKeyFile(file);
  if (existing) return existing;
  const { privateKey } = generateKeyPairSync('ed25519');
  await writeOnce(file, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const stored = await readKeyFile(file);
  if (!stored)
    throw new Error(`the history signing key file ${file} vanished while it was created`);
  return stored;
}

async function readKeyFile(file: string): Promise<KeyObject | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return parseHistorySigningKey(text);
  } catch (error) {
    throw new Error(`the history signing key file ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The public key an auditor verifies with (PEM, SPKI). */
export function historyPublicKeyPem(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** A public key file as `history-public-key` prints it (or the private key, whose half it takes). */
export function parseHistoryPublicKey(text: string): KeyObject {
  const key = text.includes('PRIVATE KEY')
    ? createPublicKey(createPrivateKey(text))
    : createPublicKey(text);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}
