import type { Decision } from '@app/event-sourcing/domain';
import type { ErrorCode, FieldError } from '@app/event-sourcing';
import type { AccountEvent } from './account.event';

/** The contract's ErrorCodes an account decision can answer with; the edge maps them by name. */
export type AccountErrorCode = Extract<
  `${ErrorCode}`,
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ACCOUNT_LOCKED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'VERIFICATION_EXPIRED'
  | 'RATE_LIMITED'
>;

/** Finer than the code, for logs and specs; never shown where it would enumerate accounts. */
export type AccountErrorReason =
  | 'INVALID_INPUT'
  | 'INVALID_CREDENTIALS'
  | 'NOT_SIGNED_IN'
  | 'ROLE_NOT_ALLOWED'
  | 'INITIAL_PASSWORD_EXPIRED'
  | 'OPERATOR_ONLY'
  | 'ACCOUNT_NOT_FOUND'
  | 'ALREADY_REGISTERED'
  | 'INVALID_VERIFICATION_TOKEN'
  | 'ALREADY_VERIFIED'
  | 'VERIFICATION_EXPIRED'
  | 'VERIFICATION_PENDING'
  | 'NOT_LOCKED'
  | 'ACCOUNT_LOCKED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'STILL_IN_USE'
  | 'TOO_MANY_ATTEMPTS';

/**
 * A refusal as a value. The kernel's `DomainError` is a class, and domain code may only import
 * kernel types; the handler throws `new DomainError(ErrorCode[error.code], error.message,
 * { fields: error.fields })`.
 */
export interface AccountError {
  readonly code: AccountErrorCode;
  readonly reason: AccountErrorReason;
  /** Japanese, shown to the user. */
  readonly message: string;
  readonly fields: readonly FieldError[];
}

function error(
  code: AccountErrorCode,
  reason: AccountErrorReason,
  message: string,
  fields: readonly FieldError[] = [],
): AccountError {
  return { code, reason, message, fields };
}

// One message for a wrong password, an unknown user ID and an unverified account, so that a
// login attempt does not tell which user IDs exist.
const INVALID_CREDENTIALS = 'ユーザーIDまたはパスワードが正しくありません。';

export const accountErrors = {
  invalidInput: (fields: readonly FieldError[]) =>
    error('BAD_USER_INPUT', 'INVALID_INPUT', '入力内容に誤りがあります。', fields),
  invalidCredentials: () => error('UNAUTHENTICATED', 'INVALID_CREDENTIALS', INVALID_CREDENTIALS),
  verificationPending: () => error('UNAUTHENTICATED', 'VERIFICATION_PENDING', INVALID_CREDENTIALS),
  initialPasswordExpired: () =>
    error(
      'UNAUTHENTICATED',
      'INITIAL_PASSWORD_EXPIRED',
      '初期パスワードの有効期限（72時間）が切れています。運用担当者に再発行を依頼してください。',
    ),
  notSignedIn: () =>
    error(
      'UNAUTHENTICATED',
      'NOT_SIGNED_IN',
      'ログインしていないか、ログインの有効期限が切れています。もう一度ログインしてください。',
    ),
  roleNotAllowed: () => error('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'この操作を行う権限がありません。'),
  operatorOnly: () => error('FORBIDDEN', 'OPERATOR_ONLY', 'この操作は運用担当者のみが行えます。'),
  notFound: () => error('NOT_FOUND', 'ACCOUNT_NOT_FOUND', 'アカウントが見つかりません。'),
  alreadyRegistered: () =>
    error('CONFLICT', 'ALREADY_REGISTERED', 'このアカウントはすでに登録されています。'),
  invalidVerificationToken: () =>
    error(
      'NOT_FOUND',
      'INVALID_VERIFICATION_TOKEN',
      '確認用リンクが正しくありません。メールに記載されたリンクをそのまま開いてください。',
    ),
  alreadyVerified: () =>
    error('CONFLICT', 'ALREADY_VERIFIED', 'この確認用リンクはすでに使用されています。'),
  verificationExpired: () =>
    error(
      'VERIFICATION_EXPIRED',
      'VERIFICATION_EXPIRED',
      '確認用リンクの有効期限（30分）が切れています。お手数ですが、もう一度登録してください。',
    ),
  registrationNotExpired: () =>
    error(
      'CONFLICT',
      'VERIFICATION_PENDING',
      '確認用リンクの有効期限が切れていないため、登録を取り消せません。',
    ),
  awaitingVerification: () =>
    error(
      'CONFLICT',
      'VERIFICATION_PENDING',
      'メールアドレスの確認が済んでいないアカウントです。確認が済むまでこの操作はできません。',
    ),
  notLocked: () => error('CONFLICT', 'NOT_LOCKED', 'このアカウントはロックされていません。'),
  locked: () =>
    error(
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
      'アカウントがロックされています。運用担当者にロックの解除を依頼してください。',
    ),
  lockedResetRefused: () =>
    error(
      'CONFLICT',
      'ACCOUNT_LOCKED',
      'ロック中のアカウントです。パスワードの再発行ではなくロックの解除を行ってください（初期パスワードが発行されます）。',
    ),
  passwordChangeRequired: () =>
    error(
      'PASSWORD_CHANGE_REQUIRED',
      'PASSWORD_CHANGE_REQUIRED',
      '初期パスワードでログインしています。先に新しいパスワードを設定してください。',
    ),
  tooManyLoginAttempts: () =>
    error(
      'RATE_LIMITED',
      'TOO_MANY_ATTEMPTS',
      'ログインの試行回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。',
    ),
  stillInUse: () =>
    error('CONFLICT', 'STILL_IN_USE', '最後の利用から1年が経過していないため、削除できません。'),
};

/** What the accounts decider answers: events to append, or a refusal (with any facts it records). */
export type AccountDecision = Decision<AccountEvent, AccountError>;
