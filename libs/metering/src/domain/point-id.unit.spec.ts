import { parsePointId, type PointId, type PointIdErrorCode } from './point-id';

function accepted(input: string): PointId {
  const result = parsePointId(input);
  if (!result.ok) throw new Error(`expected ${input} to be accepted: ${result.error.code}`);
  return result.value;
}

function refusal(input: string): PointIdErrorCode {
  const result = parsePointId(input);
  if (result.ok) throw new Error(`expected ${input} to be refused`);
  return result.error.code;
}

describe('point ID', () => {
  it('APP-5: a supply point ID written 03-1011-… gives 22 digits of kind SUPPLY', () => {
    expect(accepted('03-1011-1234-5678-9012-3456')).toEqual({
      value: '0310111234567890123456',
      kind: 'SUPPLY',
      unissued: false,
    });
  });

  it('APP-5: a reception point ID (031012…) is of kind RECEPTION', () => {
    expect(accepted('0310121234567890123456').kind).toBe('RECEPTION');
  });

  it('APP-5: full-width digits and hyphens are normalised to half-width digits', () => {
    expect(accepted('０３－１０１１－１２３４－５６７８－９０１２－３４５６').value).toBe(
      '0310111234567890123456',
    );
  });

  it('APP-5: spaces, the ideographic space, dashes and the long-vowel mark are separators', () => {
    expect(accepted(' 03 1011\u30001234ー5678―9012‐3456 ').value).toBe('0310111234567890123456');
  });

  it('APP-5: sixteen zeros after the prefix are accepted and marked unissued', () => {
    expect(accepted('03-1011-0000-0000-0000-0000')).toEqual({
      value: '0310110000000000000000',
      kind: 'SUPPLY',
      unissued: true,
    });
    expect(accepted('0310120000000000000000').unissued).toBe(true);
  });

  it('APP-5: no check digit is enforced, so any 16 digits after the prefix are accepted', () => {
    expect(accepted('0310119999999999999999').unissued).toBe(false);
  });

  it('APP-5: an empty or blank input is refused as POINT_ID_REQUIRED', () => {
    expect(refusal('')).toBe('POINT_ID_REQUIRED');
    expect(refusal(' - ')).toBe('POINT_ID_REQUIRED');
  });

  it('APP-5: 21 or 23 digits are refused as INVALID_POINT_ID_LENGTH', () => {
    expect(refusal('031011123456789012345')).toBe('INVALID_POINT_ID_LENGTH');
    expect(refusal('03101112345678901234567')).toBe('INVALID_POINT_ID_LENGTH');
  });

  it('APP-5: letters, and circled digits that NFKC would turn into digits, are NOT_DIGITS', () => {
    expect(refusal('03-1011-1234-5678-9012-345A')).toBe('NOT_DIGITS');
    expect(refusal('03-1011-1234-5678-9012-345①')).toBe('NOT_DIGITS');
  });

  it('APP-5: another area or another kind of number is refused as UNKNOWN_POINT_ID_PREFIX', () => {
    expect(refusal('04-1011-1234-5678-9012-3456')).toBe('UNKNOWN_POINT_ID_PREFIX');
    expect(refusal('03-1013-1234-5678-9012-3456')).toBe('UNKNOWN_POINT_ID_PREFIX');
  });

  it('APP-5: a refusal carries a Japanese message', () => {
    const result = parsePointId('123');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_POINT_ID_LENGTH',
        message: '地点特定番号は22桁で入力してください（入力いただいた桁数: 3桁）。',
      },
    });
  });
});
