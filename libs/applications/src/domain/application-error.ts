import type { Decision } from '@app/event-sourcing/domain';
import type { ErrorCode, FieldError } from '@app/event-sourcing';
import type { ApplicationEvent } from './application.event';

/** The contract's ErrorCodes an application decision can answer with; the edge maps them by name. */
export type ApplicationErrorCode = Extract<
  `${ErrorCode}`,
  'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'NOT_SERVED' | 'START_DATE_TOO_SOON'
>;

/** Finer than the code, for logs and specs. */
export type ApplicationErrorReason =
  | 'INVALID_INPUT'
  | 'APPLICATION_NOT_FOUND'
  | 'ALREADY_SUBMITTED'
  | 'CUSTOMERS_ONLY'
  | 'OWNER_ONLY'
  | 'OPERATORS_ONLY'
  | 'NOT_CHANGEABLE'
  | 'INVALID_TRANSITION'
  | 'STALE_REVISION'
  | 'POINT_TAKEN'
  | 'NOT_SERVED'
  | 'START_DATE_TOO_SOON';

/**
 * A refusal as a value. The kernel's `DomainError` is a class, and domain code may only import
 * kernel types; the handler throws `new DomainError(ErrorCode[error.code], error.message,
 * { fields: error.fields })`.
 */
export interface ApplicationError {
  readonly code: ApplicationErrorCode;
  readonly reason: ApplicationErrorReason;
  /** Japanese, shown to the user. */
  readonly message: string;
  readonly fields: readonly FieldError[];
}

function error(
  code: ApplicationErrorCode,
  reason: ApplicationErrorReason,
  message: string,
  fields: readonly FieldError[] = [],
): ApplicationError {
  return { code, reason, message, fields };
}

export const applicationErrors = {
  invalidInput: (fields: readonly FieldError[]) =>
    error('BAD_USER_INPUT', 'INVALID_INPUT', '入力内容に誤りがあります。', fields),
  // A customer asking for another's application learns no more than for a missing one.
  notFound: () => error('NOT_FOUND', 'APPLICATION_NOT_FOUND', '申込みが見つかりません。'),
  alreadySubmitted: () =>
    error('CONFLICT', 'ALREADY_SUBMITTED', 'この申込IDの申込みはすでに登録されています。'),
  customersOnly: () =>
    error('FORBIDDEN', 'CUSTOMERS_ONLY', '申込みはお客さまのアカウントからのみ行えます。'),
  ownerOnly: () =>
    error(
      'FORBIDDEN',
      'OWNER_ONLY',
      '申込みの変更・取消は申込みを行ったアカウントのみが行えます。',
    ),
  operatorsOnly: () => error('FORBIDDEN', 'OPERATORS_ONLY', 'この操作は運用担当者のみが行えます。'),
  notChangeable: (statusLabel: string) =>
    error(
      'CONFLICT',
      'NOT_CHANGEABLE',
      `申込状況が「${statusLabel}」の申込みは変更・取消できません（申込受付・差戻しの間のみ可能です）。`,
    ),
  invalidTransition: (statusLabel: string, action: string) =>
    error(
      'CONFLICT',
      'INVALID_TRANSITION',
      `申込状況が「${statusLabel}」の申込みは${action}できません。`,
    ),
  staleRevision: () =>
    error(
      'CONFLICT',
      'STALE_REVISION',
      '申込みはほかの操作によって更新されています。最新の内容を表示してからやり直してください。',
    ),
  pointTaken: (fields: readonly FieldError[]) =>
    error(
      'CONFLICT',
      'POINT_TAKEN',
      '処理中の新規または廃止の申込みがある地点は、その申込みが完了するまで申し込めません。',
      fields,
    ),
  notServed: (fields: readonly FieldError[]) =>
    error(
      'NOT_SERVED',
      'NOT_SERVED',
      '離島の地点、および光通信の端末の地点はBルートサービスの対象外です。',
      fields,
    ),
  startDateTooSoon: (fields: readonly FieldError[]) =>
    error(
      'START_DATE_TOO_SOON',
      'START_DATE_TOO_SOON',
      fields[0]?.message ?? '利用開始希望日は申込日から14日以上後の日付を指定してください。',
      fields,
    ),
};

/** 申込状況 as the portal shows it. */
export const STATUS_LABELS = {
  RECEIVED: '申込受付',
  IN_PROGRESS: '手続中',
  COMPLETED: '完了',
  RETURNED: '差戻し',
  REJECTED: '受付不可',
  WITHDRAWN: '取消',
} as const;

/** What the applications decider answers: events to append, or a refusal (with any facts it records). */
export type ApplicationDecision = Decision<ApplicationEvent, ApplicationError>;
