import { DomainError, ErrorCode } from '@app/event-sourcing';

export type QueryRefusalReason =
  'QUERY_TOO_DEEP' | 'QUERY_TOO_COSTLY' | 'TOO_MANY_ALIASES' | 'OPERATION_NOT_SUPPORTED';

/** A query the gateway will not run because of its shape, whatever the caller may do. */
export class QueryRefusedError extends DomainError {
  override name = 'QueryRefusedError';

  declare readonly reason: QueryRefusalReason;

  constructor(reason: QueryRefusalReason, message: string) {
    super(ErrorCode.BAD_USER_INPUT, message, { reason });
  }
}
