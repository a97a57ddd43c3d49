import { InvalidInputError } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import { meteringTestBed, operator, type MeteringTestBed } from '../../testing/metering-test-bed';
import { MeteringPointImport } from './metering-point-import';

const HEADER = 'point_id,meter_id,terminal_type,island';

describe.each(testDatabaseTargets())('MeteringPointImport on $kind', (target) => {
  let bed: MeteringTestBed;
  let importer: MeteringPointImport;

  beforeAll(async () => {
    bed = await meteringTestBed(target);
    importer = new MeteringPointImport(bed.registry);
  });
  afterAll(async () => {
    await bed?.dispose();
  });

  const file = (first: string) =>
    [HEADER, `${first},F146832,OPTICAL,false`, '031011123,,UNKNOWN,false'].join('\n');

  it('MTR-1: skip-bad-rows (the CLI) records the good row and reports the bad one', async () => {
    const report = await importer.run(file('0310114444000000000001'), operator);
    expect(report).toMatchObject({
      rows: 2,
      counts: { RECORDED: 1, CORRECTED: 0, UNCHANGED: 0 },
      refused: [{ line: 3, reason: expect.stringMatching(/22桁/) }],
      fileRefused: false,
      checkpoint: expect.any(String),
    });
    expect(await bed.registry.find('0310114444000000000001')).toMatchObject({
      terminalType: 'OPTICAL',
    });
  });

  it('MTR-1: whole-file (the upload) records nothing when a row is bad, and names the row', async () => {
    const report = await importer.run(file('0310114444000000000002'), operator, {
      policy: 'whole-file',
    });
    expect(report).toMatchObject({
      rows: 2,
      counts: { RECORDED: 0, CORRECTED: 0, UNCHANGED: 0 },
      refused: [{ line: 3, reason: expect.stringMatching(/22桁/) }],
      fileRefused: true,
      checkpoint: null,
    });
    expect(await bed.registry.find('0310114444000000000002')).toBeNull();
  });

  it('MTR-1: more rows than the cap is refused at the named field before anything is recorded', async () => {
    const rows = ['0310114444000000000003', '0310114444000000000004', '0310114444000000000005'];
    const text = [HEADER, ...rows.map((id) => `${id},,UNKNOWN,false`)].join('\n');
    const run = importer.run(text, operator, { maxRows: { rows: 2, field: 'csv' } });
    await expect(run).rejects.toBeInstanceOf(InvalidInputError);
    await expect(run).rejects.toMatchObject({
      fields: [{ field: 'csv', code: 'TOO_MANY_ROWS', message: expect.stringMatching(/2行まで/) }],
    });
    expect(await bed.registry.find(rows[0] ?? '')).toBeNull();
  });
});
