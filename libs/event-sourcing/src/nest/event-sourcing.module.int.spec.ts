import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { createTestSchema, testDatabaseTargets, type TestSchema } from '@test/database';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { HISTORY_LINKS_PROJECTION } from '../history/history-links';
import { PiiVault } from '../pii/pii-vault';
import { ProjectionRunners } from '../projections/projection-runners';
import { EventSourcingModule } from './event-sourcing.module';
import { poolOf } from './event-store.factory';
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

  // PGlite serves every connection one session: there the runners share the requests' pool.
  (target.kind === 'postgres' ? it : it.skip)(
    'keeps the projections running while requests hold every connection of their pool',
    async () => {
      const moduleRef = await start();
      const requests = poolOf(moduleRef.get(DataSource));
      const held: PoolClient[] = [];
      try {
        // databasePoolSize: 2. One at a time, so that a pool that cannot give both fails cleanly.
        for (let i = 0; i < 2; i++) held.push(await requests.connect());
        // Another process appends: the runner finds the event at its next poll.
        const elsewhere = new PostgresEventStore({ pool: database.pool, schema: database.schema });
        const { checkpoint } = await elsewhere.append(
          `thing-${randomUUID()}`,
          [
            {
              id: randomUUID(),
              type: 'ThingHappened',
              data: {},
              metadata: { correlationId: randomUUID(), occurredAt: new Date(), schemaVersion: 1 },
            },
          ],
          'no_stream',
        );
        await moduleRef.get(ProjectionRunners).waitFor(HISTORY_LINKS_PROJECTION, checkpoint, 5_000);
      } finally {
        for (const client of held) client.release();
        await moduleRef.close();
      }
    },
    30_000,
  );
});
