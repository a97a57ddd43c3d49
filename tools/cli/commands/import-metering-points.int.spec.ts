import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { embeddedDatabaseLocation, startEmbeddedDatabase } from '@app/event-sourcing';
import { MeteringRegistry } from '@app/metering';
import { createTestSchema, testDatabaseTargets, type TestSchema } from '@test/database';
import { openCliContext, withCliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';
import { importMeteringPoints } from './import-metering-points.command';

const HEADER = 'point_id,meter_id,terminal_type,island';
// Opening ./var/data or starting a served PGlite takes a while on a busy machine.
const EMBEDDED_TIMEOUT_MS = 180_000;

function recordingOutput(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

describe.each(testDatabaseTargets())('import-metering-points on $kind', (target) => {
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
  }, EMBEDDED_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await database?.dispose();
  });

  it('MTR-1: records the good rows, reports each bad row by line, and prints a summary', async () => {
    const file = [
      HEADER,
      '03-1011-1111-2222-3333-4444,F146832,HIGH_VOLTAGE_TERMINAL,false',
      '0310111111222233334445,,OPTICAL,false',
      '0310111111222233334446,F14683,FIBRE,false',
      '0310121111222233334444,G000001,HIGH_VOLTAGE_TERMINAL,true',
      '',
    ].join('\n');
    const output = recordingOutput();
    const report = await importMeteringPoints(context, file, output);
    expect(report).toMatchObject({
      rows: 4,
      counts: { RECORDED: 3, CORRECTED: 0, UNCHANGED: 0 },
      fileRefused: false,
    });
    expect(output.errors).toEqual([
      expect.stringMatching(
        /^line 4: 2列目（meter_id: 計器ID）: .*計器ID.* 3列目（terminal_type: 通信端末）: /,
      ),
    ]);
    expect(output.lines).toEqual([
      expect.stringMatching(
        /^4 rows: 3 recorded, 0 corrected, 0 unchanged, 1 refused \(correlation id /,
      ),
    ]);

    const registry = context.get(MeteringRegistry);
    expect(await registry.find('0310111111222233334444')).toMatchObject({
      meterId: 'F146832',
      terminalType: 'HIGH_VOLTAGE_TERMINAL',
    });
    // APP-8: what the import states is what a submission is checked against.
    expect(await registry.find('0310111111222233334445')).toMatchObject({
      terminalType: 'OPTICAL',
    });
    expect(await registry.find('0310121111222233334444')).toMatchObject({
      kind: 'RECEPTION',
      island: true,
    });
    expect(await registry.find('0310111111222233334446')).toBeNull();
  });

  it('MTR-1: importing again corrects what changed and leaves the rest unchanged', async () => {
    const file = [
      HEADER,
      '0310111111222233334444,,HIGH_VOLTAGE_TERMINAL,false',
      '0310111111222233334445,F999999,OPTICAL,true',
    ].join('\r\n');
    const output = recordingOutput();
    const report = await importMeteringPoints(context, file, output);
    expect(report.counts).toEqual({ RECORDED: 0, CORRECTED: 1, UNCHANGED: 1 });
    expect(report.refused).toEqual([]);
    expect(await context.get(MeteringRegistry).find('0310111111222233334445')).toMatchObject({
      meterId: 'F999999',
      island: true,
    });
  });

  it('MTR-1: a file without the header is refused whole and nothing is recorded', async () => {
    const output = recordingOutput();
    const report = await importMeteringPoints(
      context,
      '0310111111222233339999,F146832,OPTICAL,false\n',
      output,
    );
    expect(report.fileRefused).toBe(true);
    expect(output.errors).toEqual([expect.stringMatching(/^line 1: .*point_id,meter_id/)]);
    expect(output.lines).toEqual(['file refused: nothing imported']);
    expect(await context.get(MeteringRegistry).find('0310111111222233339999')).toBeNull();
  });
});

describe('import-metering-points on the embedded database', () => {
  let root: string;
  const environment = { NODE_ENV: 'test', PII_MASTER_KEY: randomBytes(32).toString('base64') };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'import-metering-points-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(
    'MTR-1: imports into ./var/data while the API is down, and through its socket while it runs',
    async () => {
      const down = recordingOutput();
      await withCliContext(
        (context) =>
          importMeteringPoints(context, `${HEADER}\n0310117777777777777771,,OPTICAL,false\n`, down),
        { environment, root },
      );
      expect(down.lines).toEqual([expect.stringMatching(/^1 rows: 1 recorded/)]);

      const api = await startEmbeddedDatabase(embeddedDatabaseLocation(root));
      try {
        const up = recordingOutput();
        const found = await withCliContext(
          async (context) => {
            await importMeteringPoints(
              context,
              `${HEADER}\n0310117777777777777772,F146832,HIGH_VOLTAGE_TERMINAL,true\n`,
              up,
            );
            const registry = context.get(MeteringRegistry);
            return Promise.all([
              registry.find('0310117777777777777771'),
              registry.find('0310117777777777777772'),
            ]);
          },
          { environment, root },
        );
        expect(up.lines).toEqual([expect.stringMatching(/^1 rows: 1 recorded/)]);
        expect(found).toEqual([
          expect.objectContaining({ terminalType: 'OPTICAL' }),
          expect.objectContaining({ meterId: 'F146832', island: true }),
        ]);
      } finally {
        await api.stop();
      }
    },
    EMBEDDED_TIMEOUT_MS,
  );
});
