import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { createTestSchema, testDatabaseTargets, type TestSchema } from '@test/database';
import { PiiVault } from '../pii/pii-vault';
import { EventSourcingModule } from './event-sourcing.module';
import { piiMasterKeyFile, readOrCreatePiiMasterKey } from './pii-master-key';

describe.each(testDatabaseTargets())('EventSourcingModule on $kind', (target) => {
  let root: string;
  let database: TestSchema;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'event-sourcing-module-'));
    database = await createTestSchema(target, 1);
  });

  afterEach(async () => {
    await database.dispose();
    await rm(root, { recursive: true, force: true });
  });

  async function start() {
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventSourcingModule.forRoot({
          databaseUrl: target.url,
          databaseSchema: database.schema,
          databasePoolSize: 2,
          piiMasterKey: () => readOrCreatePiiMasterKey(piiMasterKeyFile(root)),
        }),
      ],
    }).compile();
    await moduleRef.init();
    return moduleRef;
  }

  it('provides a PiiVault whose key, from the key file, survives a restart', async () => {
    const subject = randomUUID();
    const first = await start();
    let token: string;
    try {
      token = await first.get(PiiVault).encrypt(subject, '山田　太郎');
    } finally {
      await first.close();
    }
    const { mode } = await stat(piiMasterKeyFile(root));

    const second = await start();
    try {
      expect(await second.get(PiiVault).decrypt(token)).toBe('山田　太郎');
    } finally {
      await second.close();
    }
    expect(mode & 0o777).toBe(0o600);
    const { rows } = await database.pool.query(
      `SELECT subject FROM "${database.schema}".pii_keys WHERE subject = $1`,
      [subject],
    );
    expect(rows).toEqual([{ subject }]);
  });
});
