import {
  meterIdFromPlate,
  parseMeterId,
  resolveMeterId,
  type MeterIdError,
  type MeterIdInput,
} from './meter-id';
import { type ParseResult } from './parse-result';

function valueOf(result: ParseResult<{ value: string }, MeterIdError>): string {
  if (!result.ok) throw new Error(`expected a meter ID, got ${result.error.code}`);
  return result.value.value;
}

function refusalOf(result: ParseResult<unknown, MeterIdError>): Omit<MeterIdError, 'message'> {
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.message).toMatch(/[ぁ-んァ-ン一-龥]/u);
  return { code: result.error.code, field: result.error.field };
}

describe('meter ID', () => {
  it('APP-6: one upper-case letter and 6 digits is a meter ID', () => {
    expect(valueOf(parseMeterId('F146832'))).toBe('F146832');
  });

  it('APP-6: full-width input is normalised to half-width', () => {
    expect(valueOf(parseMeterId('Ｆ１４６８３２'))).toBe('F146832');
  });

  it('APP-6: a lower-case letter (half- or full-width) is upper-cased, not refused', () => {
    expect(valueOf(parseMeterId('f146832'))).toBe('F146832');
    expect(valueOf(parseMeterId('ｆ１４６８３２'))).toBe('F146832');
  });

  it('APP-6: surrounding spaces are ignored', () => {
    expect(valueOf(parseMeterId(' F146832\u3000'))).toBe('F146832');
  });

  it.each(['146832', 'FF14683', 'F14683', 'F1468321', 'F-146832', 'ı146832', 'Ｆ①４６８３２'])(
    'APP-6: %s is refused as INVALID_METER_ID',
    (input) => {
      expect(refusalOf(parseMeterId(input))).toEqual({
        code: 'INVALID_METER_ID',
        field: 'meterId',
      });
    },
  );

  it('APP-6: 146832 with format name F… gives F146832', () => {
    expect(valueOf(meterIdFromPlate('146832', 'F3HS-T'))).toBe('F146832');
  });

  it('APP-6: the format name initial is full-width normalised and upper-cased', () => {
    expect(valueOf(meterIdFromPlate('１４６８３２', 'ｆ３ＨＳ'))).toBe('F146832');
  });

  it('APP-6: a No. that is not 6 digits is refused as INVALID_METER_NUMBER', () => {
    expect(refusalOf(meterIdFromPlate('14683', 'F3HS'))).toEqual({
      code: 'INVALID_METER_NUMBER',
      field: 'meterNumber',
    });
  });

  it('APP-6: a format name that does not start with a letter is INVALID_INPUT_FORMAT_NAME', () => {
    expect(refusalOf(meterIdFromPlate('146832', '３型'))).toEqual({
      code: 'INVALID_INPUT_FORMAT_NAME',
      field: 'inputFormatName',
    });
  });

  describe('from a MeteringPointInput', () => {
    const cases: ReadonlyArray<[string, MeterIdInput, string]> = [
      ['the meter ID alone', { meterId: 'F146832' }, 'F146832'],
      ['the No. and format name', { meterNumber: '146832', inputFormatName: 'F3HS' }, 'F146832'],
      [
        'both, when they agree',
        { meterId: 'f146832', meterNumber: '146832', inputFormatName: 'F3HS' },
        'F146832',
      ],
      ['a blank No. beside a meter ID', { meterId: 'F146832', meterNumber: ' ' }, 'F146832'],
    ];
    it.each(cases)('APP-6: %s gives the meter ID', (_name, input, expected) => {
      expect(valueOf(resolveMeterId(input))).toBe(expected);
    });

    it('APP-6: neither a meter ID nor a No. is refused as METER_ID_REQUIRED', () => {
      expect(refusalOf(resolveMeterId({ meterId: null, meterNumber: null }))).toEqual({
        code: 'METER_ID_REQUIRED',
        field: 'meterId',
      });
    });

    it('APP-6: a No. without a format name is refused as INPUT_FORMAT_NAME_REQUIRED', () => {
      expect(refusalOf(resolveMeterId({ meterNumber: '146832' }))).toEqual({
        code: 'INPUT_FORMAT_NAME_REQUIRED',
        field: 'inputFormatName',
      });
    });

    it('APP-6: a meter ID that disagrees with the plate is refused as METER_ID_MISMATCH', () => {
      const result = resolveMeterId({
        meterId: 'G146832',
        meterNumber: '146832',
        inputFormatName: 'F3HS',
      });
      expect(refusalOf(result)).toEqual({ code: 'METER_ID_MISMATCH', field: 'meterNumber' });
    });
  });
});
