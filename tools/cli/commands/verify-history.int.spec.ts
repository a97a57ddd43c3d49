import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { applicationPiiSubject } from '@app/applications';
import { EVENT_STORE, PiiVault, PII_ERASED, type EventStore } from '@app/event-sourcing';
import { createTestSchema, testDatabaseTargets, type TestSchema } from '@test/database';
import { openCliContext, type CliContextOptions } from '../cli-context';
import type { CliOutput } from '../cli-output';
import { runCli } from '../testing/run-cli';
import { verifyHistory } from './verify-history.command';

function recordingOutput(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

/** What an attacker with database access runs after a change: the stream's hashes, recomputed. */
function recomputeChainSql(schema: string, stream: string): string {
  return `DO $$
    DECLARE r record; prev text := repeat('0', 64);
    BEGIN
      FOR r IN SELECT event_id FROM "${schema}".events WHERE stream_id = '${stream}' ORDER BY revision LOOP
        UPDATE "${schema}".events
           SET prev_hash = prev,
               hash = encode(sha256(convert_to(concat_ws(E'\\n', prev, event_id::text, stream_id,
                        revision::text, type, data, metadata), 'UTF8')), 'hex')
         WHERE event_id = r.event_id
        RETURNING hash INTO prev;
      END LOOP;
    END $$`;
}

const EMBEDDED_TIMEOUT_MS = 120_000;

describe.each(testDatabaseTargets())(
  'history a database administrator cannot rewrite, on $kind',
  (target) => {
    let database: TestSchema;
    let context: INestApplicationContext;
    let store: EventStore;
    let cli: CliContextOptions;
    let folder: string;
    const { privateKey } = generateKeyPairSync('ed25519');

    beforeAll(async () => {
      database = await createTestSchema(target, 1);
      folder = await mkdtemp(join(tmpdir(), 'history-'));
      cli = {
        root: folder,
        environment: {
          NODE_ENV: 'test',
          DATABASE_URL: target.url,
          DATABASE_SCHEMA: database.schema,
          DATABASE_POOL_SIZE: '3',
          PII_MASTER_KEY: randomBytes(32).toString('base64'),
          HISTORY_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        },
      };
      context = await openCliContext(cli);
      store = context.get<EventStore>(EVENT_STORE);
    }, EMBEDDED_TIMEOUT_MS);

    afterAll(async () => {
      await context?.close();
      await database?.dispose();
      await rm(folder, { recursive: true, force: true });
    });

    const sql = (text: string, values: unknown[] = []) => database.pool.query(text, values);
    const table = () => `"${database.schema}".events`;

    /** An application history of `count` events, linked and signed, and verified intact. */
    async function history(applicationId: number, count: number): Promise<string> {
      const stream = `application-${applicationId}`;
      const vault = context.get(PiiVault);
      const contact = await vault.encrypt(applicationPiiSubject(applicationId), '山田 太郎');
      await store.append(
        stream,
        Array.from({ length: count }, (_, step) => ({
          id: randomUUID(),
          type: 'Probe',
          data: { applicationId, step, contact },
          metadata: { correlationId: randomUUID(), occurredAt: new Date(), schemaVersion: 1 },
        })),
        'no_stream',
      );
      const output = recordingOutput();
      expect(await verifyHistory(context, applicationId, output)).toEqual([]);
      expect(output.lines.at(-1)).toMatch(
        new RegExp(`^${stream}: intact \\(${count} events; signed through link \\d+`),
      );
      return stream;
    }

    async function findings(applicationId: number): Promise<string[]> {
      const output = recordingOutput();
      await verifyHistory(context, applicationId, output);
      return output.lines.slice(0, -1);
    }

    it('an event edited in the table is named EDITED by stream and revision', async () => {
      const stream = await history(501, 3);
      await sql(
        `UPDATE ${table()} SET data = replace(data, '"step":1', '"step":9') WHERE stream_id = $1 AND revision = 1`,
        [stream],
      );
      expect(await findings(501)).toEqual([
        'EDITED: application-501 revision 1: its stored content no longer matches its hash',
      ]);
    });

    it('an edit whose stream hashes were recomputed is named RECOMPUTED: the global chain still holds the old hash', async () => {
      const stream = await history(502, 3);
      await sql(
        `UPDATE ${table()} SET data = replace(data, '"step":1', '"step":9') WHERE stream_id = $1 AND revision = 1`,
        [stream],
      );
      await sql(recomputeChainSql(database.schema, stream));
      expect((await store.verifyStream(stream)).intact).toBe(true);
      expect(await findings(502)).toEqual([
        "RECOMPUTED: application-502 revision 1: its content and its stream's hashes were rewritten (its hash differs from the global chain)",
      ]);
    });

    it('the last events of a stream deleted are named DELETED, each by revision', async () => {
      const stream = await history(503, 4);
      await sql(`DELETE FROM ${table()} WHERE stream_id = $1 AND revision >= 2`, [stream]);
      expect((await store.verifyStream(stream)).intact).toBe(true);
      expect(await findings(503)).toEqual([
        expect.stringMatching(/^DELETED: application-503 revision 2: event .* is missing$/),
        expect.stringMatching(/^DELETED: application-503 revision 3: event .* is missing$/),
      ]);
    });

    it('an event deleted from the middle, the rest renumbered and rehashed, is named DELETED', async () => {
      const stream = await history(504, 4);
      await sql(`DELETE FROM ${table()} WHERE stream_id = $1 AND revision = 1`, [stream]);
      await sql(
        `UPDATE ${table()} SET revision = -revision WHERE stream_id = $1 AND revision > 1`,
        [stream],
      );
      await sql(
        `UPDATE ${table()} SET revision = -revision - 1 WHERE stream_id = $1 AND revision < 0`,
        [stream],
      );
      await sql(recomputeChainSql(database.schema, stream));
      expect((await store.verifyStream(stream)).intact).toBe(true);
      expect(await findings(504)).toEqual([
        expect.stringMatching(/^DELETED: application-504 revision 1: event .* is missing$/),
      ]);
    });

    it('an event inserted into a stream, the rest renumbered and rehashed, is named INSERTED', async () => {
      const stream = await history(505, 3);
      await sql(
        `UPDATE ${table()} SET revision = -revision - 1 WHERE stream_id = $1 AND revision >= 1`,
        [stream],
      );
      await sql(
        `UPDATE ${table()} SET revision = -revision WHERE stream_id = $1 AND revision < 0`,
        [stream],
      );
      await sql(
        `INSERT INTO ${table()} (transaction_id, event_id, stream_id, revision, type, data, metadata, occurred_at, prev_hash, hash)
       SELECT transaction_id, $2, stream_id, 1, type, replace(data, '"step":0', '"step":7'), metadata, occurred_at, '', ''
         FROM ${table()} WHERE stream_id = $1 AND revision = 0`,
        [stream, randomUUID()],
      );
      await sql(recomputeChainSql(database.schema, stream));
      expect((await store.verifyStream(stream)).intact).toBe(true);
      expect(await findings(505)).toEqual([
        expect.stringMatching(
          /^INSERTED: application-505 revision 1: event .* is not in the global chain$/,
        ),
      ]);
    });

    it('two events swapped and rehashed are named REORDERED', async () => {
      const stream = await history(506, 3);
      await sql(`UPDATE ${table()} SET revision = -1 WHERE stream_id = $1 AND revision = 1`, [
        stream,
      ]);
      await sql(`UPDATE ${table()} SET revision = 1 WHERE stream_id = $1 AND revision = 2`, [
        stream,
      ]);
      await sql(`UPDATE ${table()} SET revision = 2 WHERE stream_id = $1 AND revision = -1`, [
        stream,
      ]);
      await sql(recomputeChainSql(database.schema, stream));
      expect((await store.verifyStream(stream)).intact).toBe(true);
      expect(await findings(506)).toEqual([
        'REORDERED: application-506 revision 1: revisions 1 and 2 changed places',
      ]);
    });

    it('export-history writes a bundle that verify-bundle accepts with only the public key, also after the PII key behind it was shredded, and refuses with one byte changed', async () => {
      const stream = await history(507, 3);
      await context.get(PiiVault).forget(applicationPiiSubject(507));
      const [event] = await store.readStream(stream);
      expect(
        await context.get(PiiVault).decrypt((event?.data as { contact: string }).contact),
      ).toBe(PII_ERASED);

      const bundle = join(folder, 'bundle.json');
      const key = join(folder, 'key.pub');
      const exported = await runCli(cli, 'export-history', '507', '--out', bundle);
      expect(exported).toMatchObject({ exitCode: 0, err: '' });
      expect(exported.out).toMatch(
        /^application-507: 3 events, links \d+–\d+, checkpoint signed at /,
      );
      const printed = await runCli(cli, 'history-public-key');
      expect(printed.out).toMatch(
        /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/,
      );
      await writeFile(key, printed.out);

      const verified = await runCli({}, 'verify-bundle', bundle, '--public-key', key);
      expect(verified).toMatchObject({ exitCode: 0 });
      expect(verified.out).toMatch(
        /^application-507: intact \(3 events; signed through link \d+ at /,
      );

      const text = await readFile(bundle, 'utf8');
      const at = text.indexOf('"dataText"') + 20;
      const flipped = `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
      await writeFile(bundle, flipped);
      const refused = await runCli({}, 'verify-bundle', bundle, '--public-key', key);
      expect(refused.exitCode).toBe(1);
      expect(refused.out).toMatch(/NOT VERIFIED \(\d+ problems?\)\n$/);

      const otherKey = generateKeyPairSync('ed25519').publicKey.export({
        type: 'spki',
        format: 'pem',
      });
      await writeFile(bundle, text);
      await writeFile(key, otherKey);
      const wrongKey = await runCli({}, 'verify-bundle', bundle, '--public-key', key);
      expect(wrongKey.exitCode).toBe(1);
      expect(wrongKey.out).toMatch(/signed by key [0-9a-f]+, not by the given key/);
    });

    it('verify-history over the whole store names every tampered history and exits with 1', async () => {
      const run = await runCli(cli, 'verify-history');
      expect(run.exitCode).toBe(1);
      const lines = run.out.trimEnd().split('\n');
      expect(lines.filter((line) => /^[A-Z_]+: /.test(line))).toEqual([
        expect.stringMatching(/^EDITED: application-501 revision 1: /),
        expect.stringMatching(/^RECOMPUTED: application-502 revision 1: /),
        expect.stringMatching(/^DELETED: application-503 revision 2: /),
        expect.stringMatching(/^DELETED: application-503 revision 3: /),
        expect.stringMatching(/^DELETED: application-504 revision 1: /),
        expect.stringMatching(/^INSERTED: application-505 revision 1: /),
        expect.stringMatching(/^REORDERED: application-506 revision 1: /),
      ]);
      expect(lines.at(-1)).toBe('7 findings');
    });
  },
);
