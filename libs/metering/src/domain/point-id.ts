import { toHalfWidthAscii } from './half-width';
import { parsed, refused, type ParseResult } from './parse-result';
import { meteringMessages } from '../messages';

export type PointKind = 'SUPPLY' | 'RECEPTION';

/** 供給地点特定番号 (SUPPLY) or 受電地点特定番号 (RECEPTION), as 22 half-width digits (APP-5). */
export interface PointId {
  readonly value: string;
  readonly kind: PointKind;
  /** Not issued yet (new installation): accepted, and completed later by an operator. */
  readonly unissued: boolean;
}

export type PointIdErrorCode =
  'POINT_ID_REQUIRED' | 'NOT_DIGITS' | 'INVALID_POINT_ID_LENGTH' | 'UNKNOWN_POINT_ID_PREFIX';

export interface PointIdError {
  readonly code: PointIdErrorCode;
  /** Japanese, shown to the user. */
  readonly message: string;
}

const LENGTH = 22;
// 03 is the area (TEPCO), the only one this service covers; 1011/1012 tell supply from reception.
const KIND_BY_PREFIX = new Map<string, PointKind>([
  ['031011', 'SUPPLY'],
  ['031012', 'RECEPTION'],
]);
const UNISSUED_SERIAL = '0'.repeat(LENGTH - 6);
// The ID is copied from bills and PDFs, and typed through a Japanese IME: any dash, the long-vowel
// mark and spaces are taken for the separators they were meant to be.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30FC\uFF70]/gu;
const DIGITS = /^\d+$/u;

/** Reads a point ID as a user types it (APP-5). No check digit is published, so none is checked. */
export function parsePointId(input: string): ParseResult<PointId, PointIdError> {
  const digits = toHalfWidthAscii(input).replace(SEPARATORS, '');
  if (digits === '') {
    return refused({
      code: 'POINT_ID_REQUIRED',
      message: meteringMessages.pointIdRequired,
    });
  }
  if (!DIGITS.test(digits)) {
    return refused({
      code: 'NOT_DIGITS',
      message: meteringMessages.pointIdNotDigits,
    });
  }
  if (digits.length !== LENGTH) {
    return refused({
      code: 'INVALID_POINT_ID_LENGTH',
      message: meteringMessages.pointIdLength(digits.length),
    });
  }
  const kind = KIND_BY_PREFIX.get(digits.slice(0, 6));
  if (kind === undefined) {
    return refused({
      code: 'UNKNOWN_POINT_ID_PREFIX',
      message: meteringMessages.pointIdPrefix,
    });
  }
  return parsed({ value: digits, kind, unissued: digits.endsWith(UNISSUED_SERIAL) });
}
