import type { Refusal } from '../domain/refusal';
import { ErrorCode, isErrorCode } from './error-code';

/** One invalid input field; `field` is a dotted path in input order, e.g. `customer.name`. */
export interface FieldError {
  readonly field: string;
  /** A machine-readable reason, e.g. `NOT_FULL_WIDTH`. */
  readonly code: string;
  /** Japanese, shown to the user. */
  readonly message: string;
}

/**
 * A refusal the user can act on. Contexts throw these (or subclasses); the gateway maps them to
 * the contract's `extensions.code` in one place and shows `message`, which must be Japanese and
 * must not contain internal detail. Anything that is not a DomainError is treated as a bug.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  readonly fields: readonly FieldError[];
  /** The domain's finer reason (e.g. `STALE_REVISION`), for logs and specs; never shown. */
  readonly reason: string | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: {
      readonly fields?: readonly FieldError[];
      readonly reason?: string;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.fields = options.fields ?? [];
    this.reason = options.reason;
  }
}

/** A decider's refusal as the error the gateway maps, keeping its reason. */
export function domainErrorOf(refusal: Refusal): DomainError {
  if (!isErrorCode(refusal.code)) throw new Error(`not a contract ErrorCode: ${refusal.code}`);
  return new DomainError(refusal.code, refusal.message, {
    fields: refusal.fields ?? [],
    reason: refusal.reason,
  });
}

export class InvalidInputError extends DomainError {
  override name = 'InvalidInputError';

  constructor(fields: readonly FieldError[], message = '入力内容に誤りがあります。') {
    super(ErrorCode.BAD_USER_INPUT, message, { fields });
  }
}
