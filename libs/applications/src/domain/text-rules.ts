import { cp932Code } from './cp932';
import type { FieldProblem } from './field-problem';

export type TextRuleCode =
  | 'REQUIRED'
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
  if (isBlank(value)) return [problem(ref, 'REQUIRED', `${ref.label}を入力してください。`)];
  const characters = [...value];
  if (characters.some(isHalfWidth)) {
    return [
      problem(
        ref,
        'NOT_FULL_WIDTH',
        `${ref.label}は全角で入力してください（半角の英数字・記号・スペース・カタカナは使用できません）。`,
      ),
    ];
  }
  const refused = [...new Set(characters.filter(isMachineDependent))];
  if (refused.length > 0) {
    return [
      problem(
        ref,
        'MACHINE_DEPENDENT_CHARACTER',
        `${ref.label}に使用できない文字（${refused.map(shown).join('、')}）が含まれています。機種依存文字・特殊文字は使用できません。`,
      ),
    ];
  }
  return [];
}

// A Japanese number dialled at home: 0 and 9 or 10 more digits, e.g. 03-1234-5678 (10),
// 090-1234-5678 or 050-… (11), 0120-… (10). Hyphens may group the digits anywhere but never
// stand first, last or twice in a row; no `+81`, brackets or full-width digits (APP-3: 半角数字).
const PHONE_SHAPE = /^0\d*(?:-\d+)*$/u;
const PHONE_DIGITS = { min: 10, max: 11 };

/** APP-3: a phone or fax number; `required: false` lets an empty optional field pass. */
export function phoneNumberProblems(
  ref: FieldRef,
  value: string | null | undefined,
  { required }: { readonly required: boolean },
): FieldProblem[] {
  if (value === null || value === undefined || isBlank(value)) {
    return required ? [problem(ref, 'REQUIRED', `${ref.label}を入力してください。`)] : [];
  }
  const digits = value.replaceAll('-', '').length;
  if (PHONE_SHAPE.test(value) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max) {
    return [];
  }
  return [
    problem(
      ref,
      'INVALID_PHONE_NUMBER',
      `${ref.label}は0から始まる10桁または11桁の番号を、半角数字とハイフンで入力してください（例: 03-1234-5678）。`,
    ),
  ];
}

const EMAIL_CHARACTERS = /^[A-Za-z0-9@._-]+$/u;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/u;

/** ACC-3, which APP-3's applicant e-mail follows. */
export function emailAddressProblems(ref: FieldRef, value: string): FieldProblem[] {
  if (value === '') return [problem(ref, 'REQUIRED', `${ref.label}を入力してください。`)];
  if (!EMAIL_CHARACTERS.test(value)) {
    return [
      problem(
        ref,
        'INVALID_EMAIL_CHARACTER',
        `${ref.label}は半角英数字と「@」「.」「-」「_」で入力してください。`,
      ),
    ];
  }
  if (value.includes('..')) {
    return [
      problem(ref, 'EMAIL_CONSECUTIVE_DOTS', `${ref.label}に「.」を連続して使用できません。`),
    ];
  }
  if (value.includes('.@')) {
    return [
      problem(ref, 'EMAIL_DOT_BEFORE_AT', `${ref.label}の「@」の直前に「.」は使用できません。`),
    ];
  }
  if (!isWellFormedEmail(value)) {
    return [problem(ref, 'INVALID_EMAIL', `${ref.label}の形式が正しくありません。`)];
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
