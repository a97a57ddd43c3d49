import { readImportRows, type ImportRows } from './import-rows';

const HEADER = 'point_id,meter_id,terminal_type,island';

function accepted(result: ImportRows) {
  if (!result.ok) throw new Error(`file refused: ${result.problem.reason}`);
  return result;
}

describe('metering point import rows', () => {
  it('MTR-1: good rows are read with normalised IDs; an empty meter ID keeps the known one', () => {
    const { rows, problems } = accepted(
      readImportRows(
        [
          HEADER,
          '03-1011-1234-5678-9012-3456,f146832,HIGH_VOLTAGE_TERMINAL,false',
          '0310121234567890123456,,optical,TRUE',
          '"０３１０１１９９９９９９９９９９９９９９９９",G000001,UNKNOWN,1',
        ].join('\r\n'),
      ),
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        pointId: { value: '0310111234567890123456', kind: 'SUPPLY', unissued: false },
        meterId: 'F146832',
        terminalType: 'HIGH_VOLTAGE_TERMINAL',
        island: false,
      },
      {
        line: 3,
        pointId: { value: '0310121234567890123456', kind: 'RECEPTION', unissued: false },
        meterId: null,
        terminalType: 'OPTICAL',
        island: true,
      },
      {
        line: 4,
        pointId: { value: '0310119999999999999999', kind: 'SUPPLY', unissued: false },
        meterId: 'G000001',
        terminalType: 'UNKNOWN',
        island: true,
      },
    ]);
  });

  it('MTR-1: each bad row is reported by line with every reason; the good rows stand', () => {
    const { rows, problems } = accepted(
      readImportRows(
        [
          HEADER,
          '0310111234567890123456,F146832,OPTICAL,false',
          '031011123,F14683,FIBRE,maybe',
          '0310110000000000000000,,UNKNOWN,false',
          '0310111234567890123456,,UNKNOWN,false',
          '0310121111111111111111,F146832,OPTICAL',
        ].join('\n'),
      ),
    );
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(problems).toEqual([
      {
        line: 3,
        reason: expect.stringMatching(
          /^1列目（point_id: 地点特定番号）: .*22桁.* 2列目（meter_id: 計器ID）: .*計器ID.* 3列目（terminal_type: 通信端末）: .* 4列目（island: 島嶼）: /,
        ),
      },
      { line: 4, reason: expect.stringMatching(/^1列目（point_id: 地点特定番号）: 未発番/) },
      {
        line: 5,
        reason: expect.stringMatching(
          /^1列目（point_id: 地点特定番号）: 同じ地点特定番号が2行目にもあります/,
        ),
      },
      { line: 6, reason: '列の数が4ではありません（3列）。' },
    ]);
  });

  it('MTR-1: a file without the expected header is refused whole', () => {
    expect(readImportRows('pointId,meterId\n0310111234567890123456,F146832')).toEqual({
      ok: false,
      problem: { line: 1, reason: expect.stringContaining(HEADER) },
    });
    expect(readImportRows('')).toMatchObject({ ok: false, problem: { line: 1 } });
  });

  it('MTR-1: a file that is not valid CSV is refused whole, naming the line', () => {
    expect(readImportRows(`${HEADER}\n"0310111234567890123456,F146832,OPTICAL,false\n`)).toEqual({
      ok: false,
      problem: { line: 2, reason: expect.stringMatching(/引用符/) },
    });
  });
});
