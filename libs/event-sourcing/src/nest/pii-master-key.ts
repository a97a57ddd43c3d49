import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeOnce } from './write-once';

/** Bytes of the master key that wraps every PII data key (AES-256). */
const PII_MASTER_KEY_BYTES = 32;

/** Where the embedded setup keeps its PII master key: `./var/pii-master.key`, next to `./var/data`. */
export function piiMasterKeyFile(root: string = process.cwd()): string {
  return resolve(root, 'var/pii-master.key');
}

/**
 * The master key kept in `file` (base64 of 32 bytes), created on first use. Losing the file makes
 * every encrypted field unreadable, so an existing file is never overwritten (`writeOnce`); when
 * another process got there first, the winner's key is read back.
 */
export async function readOrCreatePiiMasterKey(file: string): Promise<Buffer> {
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await writeOnce(file, `${randomBytes(PII_MASTER_KEY_BYTES).toString('base64')}\n`);
  const stored = await readKeyFile(file);
  if (!stored) throw new Error(`the PII master key file ${file} vanished while it was created`);
  return stored;
}

async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = decodePiiMasterKey(text.trim());
  if (!key) {
    throw new Error(
      `the PII master key file ${file} does not hold base64 of ${PII_MASTER_KEY_BYTES} bytes; ` +
        'restore it from a backup (a new key cannot read data encrypted under the old one)',
    );
  }
  return key;
}

/** The key that strict base64 `text` encodes, or undefined unless it is exactly 32 bytes. */
function decodePiiMasterKey(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const key = Buffer.from(text, 'base64');
  return key.length === PII_MASTER_KEY_BYTES ? key : undefined;
}
