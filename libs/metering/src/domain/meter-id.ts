import { toHalfWidthAscii } from './half-width';
import { parsed, refused, type ParseResult } from './parse-result';
import { meteringMessages } from '../messages';

/** 計器ID: one upper-case letter and 6 digits, e.g. `F146832` (APP-6). */
export interface MeterId {
  readonly value: string;
}

export type MeterIdErrorCode =
  | 'METER_ID_REQUIRED'
  | 'INVALID_METER_ID'
  | 'INVALID_METER_NUMBER'
  | 'INPUT_FORMAT_NAME_REQUIRED'
  | 'INVALID_INPUT_FORMAT_NAME'
  | 'METER_ID_MISMATCH';

/** The field of `MeteringPointInput` the refusal is about. */
export type MeterIdField = 'meterId' | 'meterNumber' | 'inputFormatName';

export interface MeterIdError {
  readonly code: MeterIdErrorCode;
  readonly field: MeterIdField;
  /** Japanese, shown to the user. */
  readonly message: string;
}

export interface MeterIdInput {
  readonly meterId?: string | null;
  readonly meterNumber?: string | null;
  readonly inputFormatName?: string | null;
}

const METER_ID = /^[A-Z]\d{6}$/u;
const METER_NUMBER = /^\d{6}$/u;
const LETTER = /^[A-Z]$/u;
const LOWER_CASE_ASCII = /[a-z]/gu;

// Lower case is upper-cased rather than refused: plates print only capitals, so `f146832` can
// only mean `F146832`, and a refusal would ask the user to retype what we already know. Only
// ASCII is upper-cased: toUpperCase() alone would turn a stray `ı` or `ſ` into `I` or `S`.
function normalise(text: string): string {
  return toHalfWidthAscii(text)
    .trim()
    .replace(LOWER_CASE_ASCII, (letter) => letter.toUpperCase());
}

/** Reads a meter ID typed as 7 characters (full-width or lower-case accepted). */
export function parseMeterId(input: string): ParseResult<MeterId, MeterIdError> {
  const value = normalise(input);
  if (value === '') {
    return refused(problem('METER_ID_REQUIRED', 'meterId', meteringMessages.meterIdRequired));
  }
  if (!METER_ID.test(value)) {
    return refused(problem('INVALID_METER_ID', 'meterId', meteringMessages.invalidMeterId));
  }
  return parsed({ value });
}

/** A plate that shows only a 6-digit No.: the letter is the input format name's initial (APP-6). */
export function meterIdFromPlate(
  meterNumber: string,
  inputFormatName: string,
): ParseResult<MeterId, MeterIdError> {
  const number = normalise(meterNumber);
  if (!METER_NUMBER.test(number)) {
    return refused(
      problem('INVALID_METER_NUMBER', 'meterNumber', meteringMessages.invalidMeterNumber),
    );
  }
  const formatName = normalise(inputFormatName);
  if (formatName === '') {
    return refused(
      problem(
        'INPUT_FORMAT_NAME_REQUIRED',
        'inputFormatName',
        meteringMessages.inputFormatNameRequired,
      ),
    );
  }
  const initial = formatName.slice(0, 1);
  if (!LETTER.test(initial)) {
    return refused(
      problem(
        'INVALID_INPUT_FORMAT_NAME',
        'inputFormatName',
        meteringMessages.invalidInputFormatName,
      ),
    );
  }
  return parsed({ value: `${initial}${number}` });
}

/**
 * The meter ID of a `MeteringPointInput`: its `meterId`, or its plate's No. and input format name.
 * When both are given they must name the same meter, so a typo in either is not stored silently.
 */
export function resolveMeterId(input: MeterIdInput): ParseResult<MeterId, MeterIdError> {
  const meterId = blankToUndefined(input.meterId);
  const meterNumber = blankToUndefined(input.meterNumber);
  if (meterNumber === undefined) {
    if (meterId !== undefined) return parseMeterId(meterId);
    return refused(problem('METER_ID_REQUIRED', 'meterId', meteringMessages.meterRequired));
  }
  const fromPlate = meterIdFromPlate(meterNumber, input.inputFormatName ?? '');
  if (meterId === undefined || !fromPlate.ok) return fromPlate;
  const typed = parseMeterId(meterId);
  if (!typed.ok || typed.value.value === fromPlate.value.value) return typed;
  return refused(
    problem(
      'METER_ID_MISMATCH',
      'meterNumber',
      meteringMessages.meterMismatch(typed.value.value, fromPlate.value.value),
    ),
  );
}

function blankToUndefined(text: string | null | undefined): string | undefined {
  return text === null || text === undefined || text.trim() === '' ? undefined : text;
}

function problem(code: MeterIdErrorCode, field: MeterIdField, message: string): MeterIdError {
  return { code, field, message };
}
