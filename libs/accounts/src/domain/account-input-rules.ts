import type { FieldError } from '@app/event-sourcing';
import type { StaffRole } from './account.event';

/*
 * ACC-3 and the password policy, on the plaintext as typed, before hashing or encryption. Each
 * field gets one problem at most, the first that applies; problems come in the input's order.
 */

export type AccountInputCode =
  | 'REQUIRED'
  | 'INVALID_CHARACTER'
  | 'TOO_LONG'
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'COMMON_PASSWORD'
  | 'INVALID_EMAIL_CHARACTER'
  | 'EMAIL_CONSECUTIVE_DOTS'
  | 'EMAIL_DOT_BEFORE_AT'
  | 'INVALID_EMAIL'
  | 'INVALID_ROLE';

export interface AccountFieldProblem extends FieldError {
  readonly code: AccountInputCode;
}

/** Supplied by the handler from the shipped list of the most common passwords. */
export type IsCommonPassword = (password: string) => boolean;

// ACC-3: half-width letters and digits and `@` `.` `-` `_`, for all three fields.
const ALLOWED = /^[A-Za-z0-9@._-]$/u;
// Not in ACC-3: a bound so that a user ID fits an index and a form field.
const USER_ID_MAX_LENGTH = 64;
// Length bounds only (NIST SP 800-63B): no composition rules.
const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 64;

export function userIdProblems(value: string, field = 'userId'): AccountFieldProblem[] {
  if (value === '') return [problem(field, 'REQUIRED', 'ユーザ IDを入力してください。')];
  const refused = refusedCharacters(value);
  if (refused.length > 0) {
    return [
      problem(
        field,
        'INVALID_CHARACTER',
        `ユーザ IDに使用できない文字（${refused.join('、')}）が含まれています。半角英数字と「@」「.」「-」「_」で入力してください。`,
      ),
    ];
  }
  if (value.length > USER_ID_MAX_LENGTH) {
    return [
      problem(field, 'TOO_LONG', `ユーザ IDは${USER_ID_MAX_LENGTH}文字以内で入力してください。`),
    ];
  }
  return [];
}

/** The refused characters are not named: a password's characters should not reach any log. */
export function passwordProblems(
  value: string,
  isCommonPassword: IsCommonPassword,
  field = 'password',
): AccountFieldProblem[] {
  if (value === '') return [problem(field, 'REQUIRED', 'パスワードを入力してください。')];
  if (refusedCharacters(value).length > 0) {
    return [
      problem(
        field,
        'INVALID_CHARACTER',
        'パスワードは半角英数字と「@」「.」「-」「_」で入力してください。',
      ),
    ];
  }
  if (value.length < PASSWORD_MIN_LENGTH) {
    return [
      problem(
        field,
        'PASSWORD_TOO_SHORT',
        `パスワードは${PASSWORD_MIN_LENGTH}文字以上で入力してください。`,
      ),
    ];
  }
  if (value.length > PASSWORD_MAX_LENGTH) {
    return [
      problem(
        field,
        'PASSWORD_TOO_LONG',
        `パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください。`,
      ),
    ];
  }
  if (isCommonPassword(value)) {
    return [
      problem(
        field,
        'COMMON_PASSWORD',
        'このパスワードはよく使われているため使用できません。別のパスワードを入力してください。',
      ),
    ];
  }
  return [];
}

export function emailProblems(value: string, field = 'email'): AccountFieldProblem[] {
  if (value === '') return [problem(field, 'REQUIRED', 'メールアドレスを入力してください。')];
  const refused = refusedCharacters(value);
  if (refused.length > 0) {
    return [
      problem(
        field,
        'INVALID_EMAIL_CHARACTER',
        `メールアドレスに使用できない文字（${refused.join('、')}）が含まれています。半角英数字と「@」「.」「-」「_」で入力してください。`,
      ),
    ];
  }
  if (value.includes('..')) {
    return [
      problem(field, 'EMAIL_CONSECUTIVE_DOTS', 'メールアドレスに「.」を連続して入力できません。'),
    ];
  }
  if (value.includes('.@')) {
    return [
      problem(field, 'EMAIL_DOT_BEFORE_AT', 'メールアドレスの「@」の直前に「.」は入力できません。'),
    ];
  }
  if (!isWellFormed(value)) {
    return [
      problem(
        field,
        'INVALID_EMAIL',
        'メールアドレスの形式に誤りがあります（例: taro@example.co.jp）。ご確認をお願いいたします。',
      ),
    ];
  }
  return [];
}

export interface RegistrationInput {
  readonly userId: string;
  readonly password: string;
  readonly email: string;
  readonly name: string;
  readonly phone: string;
}

/**
 * `registerAccount`'s input. Name and phone are only required here: ACC-3 does not cover them,
 * and where their shape rules live is for the lead to decide.
 */
export function registrationProblems(
  input: RegistrationInput,
  isCommonPassword: IsCommonPassword,
): AccountFieldProblem[] {
  return [
    ...userIdProblems(input.userId),
    ...passwordProblems(input.password, isCommonPassword),
    ...emailProblems(input.email),
    ...requiredProblems('name', '名義', input.name),
    ...requiredProblems('phone', '電話番号', input.phone),
  ];
}

export interface StaffAccountInput {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly phone: string;
  readonly role: string;
}

/** create-operator's input: registration's fields but the password, which is issued (ACC-5). */
export function staffAccountProblems(input: StaffAccountInput): AccountFieldProblem[] {
  return [
    ...userIdProblems(input.userId),
    ...emailProblems(input.email),
    ...requiredProblems('name', '名義', input.name),
    ...requiredProblems('phone', '電話番号', input.phone),
    ...(isStaffRole(input.role)
      ? []
      : [problem('role', 'INVALID_ROLE', '権限には OPERATOR か AUDITOR を指定してください。')]),
  ];
}

export function isStaffRole(role: string): role is StaffRole {
  return role === 'OPERATOR' || role === 'AUDITOR';
}

export interface ContactInput {
  readonly email?: string | null;
  readonly name?: string | null;
  readonly phone?: string | null;
}

/** ACC-6 (`AccountContactInput`): an absent field is left as it is; a given one is checked. */
export function contactProblems(input: ContactInput, path = 'input'): AccountFieldProblem[] {
  const { email, name, phone } = input;
  return [
    ...(isGiven(email) ? emailProblems(email, `${path}.email`) : []),
    ...(isGiven(name) ? requiredProblems(`${path}.name`, '名義', name) : []),
    ...(isGiven(phone) ? requiredProblems(`${path}.phone`, '電話番号', phone) : []),
  ];
}

function isGiven(value: string | null | undefined): value is string {
  return value !== null && value !== undefined;
}

function requiredProblems(field: string, label: string, value: string): AccountFieldProblem[] {
  return value.trim() === '' ? [problem(field, 'REQUIRED', `${label}を入力してください。`)] : [];
}

function refusedCharacters(value: string): string[] {
  return [...new Set([...value].filter((character) => !ALLOWED.test(character)))].map(shown);
}

// A space or an invisible character would vanish from the message; name it by code point.
function shown(character: string): string {
  if (!/^[\p{C}\p{Z}\p{M}]$/u.test(character)) return `「${character}」`;
  const hex = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex}`;
}

// The characters are already ACC-3's. One `@`; a local part of 1–64 not starting with `.`
// (RFC 5321); a host name of two or more labels, letters, digits and inner hyphens, 254 in all,
// whose top-level label has a letter (so `taro@10.0.0.1` is not taken for a host name).
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/u;

function isWellFormed(address: string): boolean {
  const at = address.indexOf('@');
  if (at < 1 || at !== address.lastIndexOf('@') || address.length > 254) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  return (
    local.length <= 64 &&
    !local.startsWith('.') &&
    labels.length >= 2 &&
    labels.every((label) => HOST_LABEL.test(label)) &&
    /[A-Za-z]/u.test(topLevel)
  );
}

function problem(field: string, code: AccountInputCode, message: string): AccountFieldProblem {
  return { field, code, message };
}
