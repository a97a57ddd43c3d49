import { cp932Code } from './cp932';
import type { FieldProblem } from './field-problem';
import { applicationMessages } from '../messages';

/** APP-3: names and departments, in characters (code points). */
export const TEXT_MAX_LENGTH = 50;

export type TextRuleCode =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'NOT_FULL_WIDTH'
  | 'MACHINE_DEPENDENT_CHARACTER'
  | 'INVALID_PHONE_NUMBER'
  | 'INVALID_EMAIL_CHARACTER'
  | 'EMAIL_CONSECUTIVE_DOTS'
  | 'EMAIL_DOT_BEFORE_AT'
  | 'INVALID_EMAIL';

/** Where a value sits in the input (`customer.name`) and what the form calls it (お客さま名). */
export interface FieldRef {
  readonly field: string;
  readonly label: string;
}

/**
 * APP-3 and APP-4, one problem at most per field. Full-width (全角) means that CP932 writes the
 * character in two bytes: ASCII (the half-width space and control characters included) and the
 * half-width katakana U+FF61–U+FF9F are refused. The ideographic space U+3000 is full-width and
 * allowed, since names are written `山田\u3000太郎`; a value of spaces only counts as empty.
 * The text is checked as typed, before any normalisation: NFKC would turn ① into 1.
 */
export function fullWidthTextProblems(ref: FieldRef, value: string): FieldProblem[] {
  if (isBlank(value)) return [problem(ref, 'REQUIRED', applicationMessages.required(ref.label))];
  const characters = [...value];
  if (characters.some(isHalfWidth)) {
    return [problem(ref, 'NOT_FULL_WIDTH', applicationMessages.notFullWidth(ref.label))];
  }
  const refused = [...new Set(characters.filter(isMachineDependent))];
  if (refused.length > 0) {
    return [
      problem(
        ref,
        'MACHINE_DEPENDENT_CHARACTER',
        applicationMessages.machineDependent(ref.label, refused.map(shown).join('、')),
      ),
    ];
  }
  // Counted on the text as stored (trimmed), after the checks on the text as typed.
  if ([...value.trim()].length > TEXT_MAX_LENGTH) {
    return [problem(ref, 'TOO_LONG', applicationMessages.tooLong(ref.label, TEXT_MAX_LENGTH))];
  }
  return [];
}

// A Japanese number dialled at home: 0 and 9 or 10 more digits, e.g. 03-1234-5678 (10),
// 090-1234-5678 or 050-… (11), 0120-… (10), typed either as the form's three boxes (three groups
// joined by hyphens) or as the digits alone; no `+81`, brackets or full-width digits (半角数字).
const PHONE_SHAPE = /^0\d*$|^0\d*-\d+-\d+$/u;
const PHONE_DIGITS = { min: 10, max: 11 };
// What an IME or another keyboard types for the hyphen: ‐ ‑ – — − ー － and the hyphen itself.
const HYPHENS = /[\u2010\u2011\u2013\u2014\u2212\u30FC\uFF0D]/gu;

/**
 * APP-3: a phone or fax number as stored: trimmed, every hyphen-like character turned into `-`
 * (the grouping the person typed is kept). Call it only on a number phoneNumberProblems accepts.
 */
export function normalisedPhoneNumber(value: string): string {
  return value.trim().replace(HYPHENS, '-');
}

/** APP-3: a phone or fax number; `required: false` lets an empty optional field pass. */
export function phoneNumberProblems(
  ref: FieldRef,
  value: string | null | undefined,
  { required }: { readonly required: boolean },
): FieldProblem[] {
  if (value === null || value === undefined || isBlank(value)) {
    return required ? [problem(ref, 'REQUIRED', applicationMessages.required(ref.label))] : [];
  }
  const number = normalisedPhoneNumber(value);
  const digits = number.replaceAll('-', '').length;
  if (PHONE_SHAPE.test(number) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max) {
    return [];
  }
  return [problem(ref, 'INVALID_PHONE_NUMBER', applicationMessages.invalidPhone(ref.label))];
}

const EMAIL_CHARACTERS = /^[A-Za-z0-9@._-]+$/u;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/u;

/** ACC-3, which APP-3's applicant e-mail follows. */
export function emailAddressProblems(ref: FieldRef, value: string): FieldProblem[] {
  if (value === '') return [problem(ref, 'REQUIRED', applicationMessages.required(ref.label))];
  if (!EMAIL_CHARACTERS.test(value)) {
    return [
      problem(ref, 'INVALID_EMAIL_CHARACTER', applicationMessages.invalidEmailCharacter(ref.label)),
    ];
  }
  if (value.includes('..')) {
    return [
      problem(ref, 'EMAIL_CONSECUTIVE_DOTS', applicationMessages.emailConsecutiveDots(ref.label)),
    ];
  }
  if (value.includes('.@')) {
    return [problem(ref, 'EMAIL_DOT_BEFORE_AT', applicationMessages.emailDotBeforeAt(ref.label))];
  }
  if (!isWellFormedEmail(value)) {
    return [problem(ref, 'INVALID_EMAIL', applicationMessages.invalidEmail(ref.label))];
  }
  return [];
}

// RFC 5321 limits; a local part without a leading dot; a domain of at least two DNS labels whose
// last is not all digits (so `user@10.0.0.1` is not taken for a host name).
function isWellFormedEmail(address: string): boolean {
  const parts = address.split('@');
  if (parts.length !== 2 || address.length > 254) return false;
  const [local = '', domain = ''] = parts;
  const labels = domain.split('.');
  return (
    local.length >= 1 &&
    local.length <= 64 &&
    !local.startsWith('.') &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    !/^\d+$/u.test(labels[labels.length - 1] ?? '')
  );
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}

function isHalfWidth(character: string): boolean {
  const code = cp932Code(character.codePointAt(0) ?? 0);
  return code !== undefined && code <= 0xff;
}

// APP-4: no CP932 code, or a two-byte code under lead byte 0x87 (NEC special characters),
// 0xED–0xEE (NEC-selected IBM extensions) or 0xFA–0xFC (IBM extensions). 0xF0–0xF9, the
// user-defined characters (外字), is refused too: the rule's test leaves it out, but a 外字 is
// machine-dependent by definition, shown differently on every machine.
function isMachineDependent(character: string): boolean {
  const code = cp932Code(character.codePointAt(0) ?? 0);
  if (code === undefined) return true;
  const lead = code >> 8;
  return lead === 0x87 || lead === 0xed || lead === 0xee || lead >= 0xf0;
}

// An invisible or combining character would vanish from the message; name it by code point.
function shown(character: string): string {
  if (!/^[\p{C}\p{Z}\p{M}]$/u.test(character)) return `「${character}」`;
  const hex = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex}`;
}

function problem(ref: FieldRef, code: TextRuleCode, message: string): FieldProblem {
  return { field: ref.field, code, message };
}
