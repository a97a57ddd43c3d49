import { randomBytes, randomUUID } from 'node:crypto';
import { testDatabaseTargets } from '@test/database';
import { anEvent } from '../testing/event-store-contract';
import { postgresHarness } from '../testing/postgres-harness';
import { PII_ERASED, PiiVault, SubjectForgottenError } from './pii-vault';

for (const target of testDatabaseTargets()) {
  describe(`PII vault on ${target.kind}`, () => {
    let harness: Awaited<ReturnType<typeof postgresHarness>>;
    let vault: PiiVault;
    const masterKey = randomBytes(32);

    beforeAll(async () => {
      harness = await postgresHarness(target);
      vault = new PiiVault({ pool: harness.pool, schema: harness.schema, masterKey });
    });
    afterAll(async () => harness.dispose());

    it('round-trips a value without the plaintext in the token', async () => {
      const subject = randomUUID();
      const token = await vault.encrypt(subject, 'yamada@example.jp');
      expect(PiiVault.isEncrypted(token)).toBe(true);
      expect(token).not.toContain('yamada');
      expect(await vault.decrypt(token)).toBe('yamada@example.jp');
      expect(await vault.decrypt(await vault.encrypt(subject, '山田　太郎'))).toBe('山田　太郎');
    });

    it('gives each subject its own key, stored only wrapped by the master key', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await vault.encrypt(a, 'x');
      await vault.encrypt(b, 'x');
      const { rows } = await harness.pool.query<{ wrapped_key: Buffer }>(
        `SELECT wrapped_key FROM "${harness.schema}".pii_keys WHERE subject = ANY($1)`,
        [[a, b]],
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]?.wrapped_key.equals(rows[1]?.wrapped_key)).toBe(false);
      const otherMaster = new PiiVault({
        pool: harness.pool,
        schema: harness.schema,
        masterKey: randomBytes(32),
      });
      await expect(otherMaster.decrypt(await vault.encrypt(a, 'secret'))).rejects.toThrow();
    });

    it('settles concurrent first encryptions of one subject on one key', async () => {
      const subject = randomUUID();
      const vaults = Array.from(
        { length: 5 },
        () => new PiiVault({ pool: harness.pool, schema: harness.schema, masterKey }),
      );
      const tokens = await Promise.all(vaults.map((v, i) => v.encrypt(subject, `value ${i}`)));
      const fresh = new PiiVault({ pool: harness.pool, schema: harness.schema, masterKey });
      expect(await Promise.all(tokens.map((t) => fresh.decrypt(t)))).toEqual(
        tokens.map((_, i) => `value ${i}`),
      );
    });

    it('refuses a token whose ciphertext or subject was altered', async () => {
      const [subject, other] = [randomUUID(), randomUUID()];
      await vault.encrypt(other, 'x');
      const token = await vault.encrypt(subject, 'phone 03-1234-5678');
      const body = token.split(':').at(-1) as string;
      const flipped = body.slice(0, 4) + (body[4] === 'A' ? 'B' : 'A') + body.slice(5);
      await expect(vault.decrypt(token.replace(body, flipped))).rejects.toThrow();
      const swapped = token.replace(
        Buffer.from(subject).toString('base64url'),
        Buffer.from(other).toString('base64url'),
      );
      await expect(vault.decrypt(swapped)).rejects.toThrow();
    });

    it('reads a forgotten subject as erased, in every process, and stores nothing new under it', async () => {
      const subject = randomUUID();
      const token = await vault.encrypt(subject, 'suzuki@example.jp');
      const elsewhere = new PiiVault({
        pool: harness.pool,
        schema: harness.schema,
        masterKey,
        cacheTtlMs: 0,
      });
      expect(await elsewhere.decrypt(token)).toBe('suzuki@example.jp');

      await vault.forget(subject);
      expect(await vault.decrypt(token)).toBe(PII_ERASED);
      expect(await elsewhere.decrypt(token)).toBe(PII_ERASED);
      await expect(vault.encrypt(subject, 'again')).rejects.toBeInstanceOf(SubjectForgottenError);
      const { rows } = await harness.pool.query(
        `SELECT wrapped_key FROM "${harness.schema}".pii_keys WHERE subject = $1`,
        [subject],
      );
      expect(rows).toEqual([{ wrapped_key: null }]);
    });

    it('leaves the hash chain of events holding the data intact after forget', async () => {
      const subject = randomUUID();
      const stream = `account-${subject}`;
      const email = await vault.encrypt(subject, 'tanaka@example.jp');
      await harness.store.append(
        stream,
        [anEvent('AccountRegistered', { email }), anEvent('ContactChanged', { email })],
        'no_stream',
      );
      await vault.forget(subject);

      expect(await harness.store.verifyStream(stream)).toEqual({
        intact: true,
        events: 2,
        firstBrokenRevision: null,
      });
      const [registered] = await harness.store.readStream(stream);
      expect(await vault.decrypt((registered?.data as { email: string }).email)).toBe(PII_ERASED);
    });
  });
}
