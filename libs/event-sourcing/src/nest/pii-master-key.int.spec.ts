import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { piiMasterKeyFile, readOrCreatePiiMasterKey } from './pii-master-key';

describe('the PII master key file', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'pii-key-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is created once under ./var with mode 0600, then read on later starts', async () => {
    const file = piiMasterKeyFile(root);

    const first = await readOrCreatePiiMasterKey(file);
    const written = await readFile(file, 'utf8');
    const { mode } = await stat(file);
    const again = await readOrCreatePiiMasterKey(file);

    expect(file).toBe(join(root, 'var/pii-master.key'));
    expect(first).toHaveLength(32);
    expect(mode & 0o777).toBe(0o600);
    expect(Buffer.from(written.trim(), 'base64').equals(first)).toBe(true);
    expect(again.equals(first)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(written);
  });

  it('gives processes starting together one key and leaves no temporary files', async () => {
    const file = piiMasterKeyFile(root);

    const keys = await Promise.all(Array.from({ length: 8 }, () => readOrCreatePiiMasterKey(file)));

    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(`${keys[0]?.toString('base64')}\n`);
    expect(await readdir(join(root, 'var'))).toEqual(['pii-master.key']);
  });

  it('refuses a damaged file rather than replacing it', async () => {
    const file = join(root, 'pii-master.key');
    await writeFile(file, 'not a key\n', { mode: 0o600 });

    await expect(readOrCreatePiiMasterKey(file)).rejects.toThrow(
      /does not hold base64 of 32 bytes; restore it from a backup/,
    );
    expect(await readFile(file, 'utf8')).toBe('not a key\n');
  });
});
