import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import {
  EVENT_STORE,
  embeddedDatabaseLocation,
  startEmbeddedDatabase,
  type EventStore,
} from '@app/event-sourcing';
import { createTestSchema, testDatabaseTargets, type TestSchema } from '@test/database';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { cliStorage, openCliContext } from './cli-context';
import type { CliOutput } from './cli-output';
import { rebuildProjections } from './commands/rebuild-projections.command';
import { verifyHistory } from './commands/verify-history.command';

function recordingOutput(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

describe('command-line tools: which database they use', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cli-storage-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('uses the configured server when DATABASE_URL is set', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      PII_MASTER_KEY: randomBytes(32).toString('base64'),
    });
    expect(await cliStorage(config, root)).toEqual({});
  });

  it('opens ./var/data itself while no API serves it', async () => {
    expect(await cliStorage(loadConfig({}), root)).toEqual({
      embedded: embeddedDatabaseLocation(root),
      piiMasterKey: expect.any(Function),
    });
  });

  it("uses the running API's socket while the API holds ./var/data", async () => {
    const served = await startEmbeddedDatabase(embeddedDatabaseLocation(root));
    try {
      const storage = await cliStorage(loadConfig({}), root);
      expect(storage.embedded).toBeUndefined();
      expect(storage.databaseUrl).toBe(served.url);
      expect(storage.runProjections).toBeUndefined();
      // A command that only appends leaves the API's read models to the API.
      expect((await cliStorage(loadConfig({}), root, true)).runProjections).toBe(false);
    } finally {
      await served.stop();
    }
    // PGlite from disk: seconds, tens of them on a busy machine.
  }, 120_000);
});

describe.each(testDatabaseTargets())('command-line tools on $kind', (target) => {
  let database: TestSchema;
  let context: INestApplicationContext;
  let store: EventStore;

  beforeAll(async () => {
    database = await createTestSchema(target, 1);
    context = await openCliContext({
      environment: {
        NODE_ENV: 'test',
        DATABASE_URL: target.url,
        DATABASE_SCHEMA: database.schema,
        DATABASE_POOL_SIZE: '3',
        PII_MASTER_KEY: randomBytes(32).toString('base64'),
      },
    });
    store = context.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    await context.close();
    await database.dispose();
  });

  async function history(applicationId: number, events: number): Promise<bigint> {
    const metadata = { correlationId: randomUUID(), occurredAt: new Date(), schemaVersion: 1 };
    const { position } = await store.append(
      `application-${applicationId}`,
      Array.from({ length: events }, (_, step) => ({
        id: randomUUID(),
        type: 'Probe',
        data: { applicationId, step },
        metadata,
      })),
      'no_stream',
    );
    return position;
  }

  /**
   * Reading every history goes through readAll, which shows an event only once no older
   * transaction is still open on the server (the gap-free reader); other suites share it.
   */
  async function untilVisible(position: bigint): Promise<void> {
    const deadline = Date.now() + 20_000;
    while ((await store.head()).position < position) {
      if (Date.now() > deadline) throw new Error(`position ${position} never became visible`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('verify-history finds an untouched history intact', async () => {
    await history(41, 3);
    const output = recordingOutput();
    expect(await verifyHistory(context, 41, output)).toEqual({ streams: 1, broken: 0 });
    expect(output.lines).toEqual([
      'application-41: intact (3 events)',
      '1 histories checked, 0 broken',
    ]);
  });

  it("verify-history names the first revision edited behind the store's back", async () => {
    const last = await history(42, 4);
    await database.pool.query(
      `UPDATE "${database.schema}".events SET data = $2 WHERE stream_id = $1 AND revision = 2`,
      ['application-42', JSON.stringify({ applicationId: 42, step: 99 })],
    );
    const output = recordingOutput();
    expect(await verifyHistory(context, 42, output)).toEqual({ streams: 1, broken: 1 });
    expect(output.lines[0]).toBe('application-42: BROKEN at revision 2 (4 events)');

    await untilVisible(last);
    const all = recordingOutput();
    expect(await verifyHistory(context, undefined, all)).toEqual({ streams: 2, broken: 1 });
    expect(all.lines).toEqual([
      'application-42: BROKEN at revision 2 (4 events)',
      '2 histories checked, 1 broken',
    ]);
  });

  it('verify-history reports an application without a history', async () => {
    const output = recordingOutput();
    expect(await verifyHistory(context, 404, output)).toEqual({ streams: 1, broken: 1 });
    expect(output.errors).toEqual(['application-404: no such history']);
  });

  it('rebuild-projections rebuilds every read model, or the one named', async () => {
    const output = recordingOutput();
    await rebuildProjections(context, 'accounts', output);
    expect(output.lines).toEqual([expect.stringMatching(/^accounts: rebuilt to position \d+ in /)]);
    await expect(rebuildProjections(context, 'nope', output)).rejects.toThrow(
      "unknown projection 'nope'",
    );
  });
});
