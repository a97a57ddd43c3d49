import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { embeddedDatabaseLocation, startEmbeddedDatabase } from '@app/event-sourcing';
import { createTestSchema, testDatabaseTargets, type TestSchema } from '@test/database';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { cliStorage, openCliContext } from './cli-context';
import type { CliOutput } from './cli-output';
import { rebuildProjections } from './commands/rebuild-projections.command';

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
    expect(await cliStorage(config, root)).toEqual({ historySigningKey: expect.any(Function) });
  });

  it('opens ./var/data itself while no API serves it', async () => {
    expect(await cliStorage(loadConfig({}), root)).toEqual({
      embedded: embeddedDatabaseLocation(root),
      piiMasterKey: expect.any(Function),
      historySigningKey: expect.any(Function),
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
  });

  afterAll(async () => {
    await context.close();
    await database.dispose();
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
