import { HttpException } from '@nestjs/common';
import {
  AppendOutcomeUnknownError,
  DomainError,
  ErrorCode,
  isStoreUnreachable,
  WrongExpectedRevisionError,
  type FieldError,
} from '@app/event-sourcing';
import { GraphQLError } from 'graphql';
import { apiMessages } from './messages';
import { QueryRefusedError } from './query-refused.error';

export const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';

/** What a client is told about a failure: never a stack, SQL or an internal message. */
export interface ClientError {
  readonly code: ErrorCode | typeof INTERNAL_SERVER_ERROR;
  /** Japanese. */
  readonly message: string;
  /**
   * Always with BAD_USER_INPUT (empty when no single field is at fault); with another code only
   * when the refusal names fields (APP-2's changed terms, MTR-2's taken point).
   */
  readonly fields?: readonly FieldError[];
  /** A finer, machine-readable cause for refusals of the request itself, e.g. QUERY_TOO_DEEP. */
  readonly reason?: string;
  /** graphql-js's or Apollo's own words about the client's request (English); only for those. */
  readonly detail?: string;
}

const INTERNAL: ClientError = {
  code: INTERNAL_SERVER_ERROR,
  message: apiMessages.internal,
};

const CONFLICT_MESSAGE = apiMessages.conflict;

const HTTP_STATUS: Record<number, Omit<ClientError, 'fields'>> = {
  400: { code: ErrorCode.BAD_USER_INPUT, message: apiMessages.badInput },
  401: { code: ErrorCode.UNAUTHENTICATED, message: apiMessages.unauthenticated },
  403: { code: ErrorCode.FORBIDDEN, message: apiMessages.forbidden },
  404: { code: ErrorCode.NOT_FOUND, message: apiMessages.notFound },
  409: { code: ErrorCode.CONFLICT, message: CONFLICT_MESSAGE },
  422: { code: ErrorCode.BAD_USER_INPUT, message: apiMessages.badInput },
  429: {
    code: ErrorCode.RATE_LIMITED,
    message: apiMessages.rateLimited,
  },
};

/** Apollo's and graphql-js's codes for a request that never ran: all the client's to fix. */
const REQUEST_REFUSALS: Record<
  string,
  (error: GraphQLError) => { reason: string; message: string }
> = {
  GRAPHQL_PARSE_FAILED: () => ({
    reason: 'GRAPHQL_PARSE_FAILED',
    message: apiMessages.parseFailed,
  }),
  GRAPHQL_VALIDATION_FAILED: (error) =>
    /introspection is not allowed/i.test(error.message)
      ? {
          reason: 'INTROSPECTION_DISABLED',
          message: apiMessages.introspectionDisabled,
        }
      : { reason: 'GRAPHQL_VALIDATION_FAILED', message: apiMessages.validationFailed },
  BAD_USER_INPUT: () => ({ reason: 'INVALID_VARIABLES', message: apiMessages.invalidVariables }),
  OPERATION_RESOLUTION_FAILURE: () => ({
    reason: 'OPERATION_RESOLUTION_FAILURE',
    message: apiMessages.operationNotFound,
  }),
  PERSISTED_QUERY_NOT_FOUND: () => ({
    reason: 'PERSISTED_QUERY_NOT_SUPPORTED',
    message: apiMessages.persistedQueries,
  }),
  PERSISTED_QUERY_NOT_SUPPORTED: () => ({
    reason: 'PERSISTED_QUERY_NOT_SUPPORTED',
    message: apiMessages.persistedQueries,
  }),
  BAD_REQUEST: (error) => badRequest(error.message),
};

/**
 * The one place failures become the contract's error codes. Only a DomainError's message is
 * trusted to be user-facing; everything else gets a fixed Japanese message, and whatever is not
 * recognised is a bug (INTERNAL_SERVER_ERROR) for the caller to log.
 */
export function toClientError(error: unknown): ClientError {
  const chain = causesOf(error);
  const domain = chain.find((cause): cause is DomainError => cause instanceof DomainError);
  if (domain) return fromDomainError(domain);
  if (chain.some((cause) => cause instanceof WrongExpectedRevisionError)) {
    return { code: ErrorCode.CONFLICT, message: CONFLICT_MESSAGE };
  }
  // The write was sent but its answer lost, and the store stayed away while the command tried
  // again: UNAVAILABLE is the contract's "try later", and the reason and message say that it
  // may have been done, so that the client looks before it sends it again.
  if (chain.some((cause) => cause instanceof AppendOutcomeUnknownError)) {
    return {
      code: ErrorCode.UNAVAILABLE,
      message: apiMessages.outcomeUnknown,
      reason: 'OUTCOME_UNKNOWN',
    };
  }
  if (chain.some((cause) => isStoreUnreachable(cause))) {
    return { code: ErrorCode.UNAVAILABLE, message: apiMessages.unavailable };
  }
  const http = chain.find((cause): cause is HttpException => cause instanceof HttpException);
  if (http) return fromHttpStatus(http.getStatus());
  const outer = chain[0];
  if (outer instanceof GraphQLError && !isResolverFailure(outer)) {
    const refusal = REQUEST_REFUSALS[String(outer.extensions['code'])] ?? uncodedRefusal(outer);
    if (refusal)
      return {
        code: ErrorCode.BAD_USER_INPUT,
        fields: [],
        ...refusal(outer),
        detail: outer.message,
      };
  }
  return INTERNAL;
}

export function isInternal(error: ClientError): boolean {
  return error.code === INTERNAL_SERVER_ERROR;
}

function fromDomainError(error: DomainError): ClientError {
  return {
    code: error.code,
    message: error.message,
    // An input error always lists its fields; another refusal that names fields (APP-2's changed
    // terms at termsVersion, MTR-2's taken point) lists them too, so a form can show them there.
    ...(error.code === ErrorCode.BAD_USER_INPUT || error.fields.length > 0
      ? { fields: error.fields }
      : {}),
    ...(error instanceof QueryRefusedError ? { reason: error.reason } : {}),
  };
}

function fromHttpStatus(status: number): ClientError {
  const known = HTTP_STATUS[status];
  if (!known) return INTERNAL;
  return known.code === ErrorCode.BAD_USER_INPUT ? { ...known, fields: [] } : known;
}

function badRequest(message: string): { reason: string; message: string } {
  if (/Cross-Site Request Forgery|CSRF/i.test(message)) {
    return {
      reason: 'CSRF_PREVENTED',
      message: apiMessages.csrf,
    };
  }
  if (/batching/i.test(message)) {
    return {
      reason: 'BATCHING_DISABLED',
      message: apiMessages.batching,
    };
  }
  return { reason: 'BAD_REQUEST', message: apiMessages.badRequest };
}

/**
 * Refusals of the client's request that graphql-js and Apollo raise without a code: graphql-js
 * stops coercing variables after 50 errors, and Apollo checks an automatic persisted query's
 * version and hash. Each is the client's to fix, found by the fuzz suite as INTERNAL_SERVER_ERROR.
 */
const UNCODED_REFUSALS: readonly [RegExp, string][] = [
  [/^Too many errors processing variables/, 'BAD_USER_INPUT'],
  [/^provided sha does not match query$/, 'PERSISTED_QUERY_NOT_FOUND'],
  [/^Unsupported persisted query version$/, 'PERSISTED_QUERY_NOT_SUPPORTED'],
];

function uncodedRefusal(
  error: GraphQLError,
): ((error: GraphQLError) => { reason: string; message: string }) | undefined {
  if (error.extensions['code'] !== undefined) return undefined;
  const known = UNCODED_REFUSALS.find(([pattern]) => pattern.test(error.message));
  return known ? REQUEST_REFUSALS[known[1]] : undefined;
}

/** A resolver's own error arrives wrapped in a GraphQLError with a `path`; its code means nothing. */
function isResolverFailure(error: GraphQLError): boolean {
  return error.path !== undefined;
}

/** The error, then what it wraps (GraphQLError.originalError, Error.cause), outermost first. */
function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (
    current !== undefined &&
    current !== null &&
    !chain.includes(current) &&
    chain.length < 10
  ) {
    chain.push(current);
    current =
      current instanceof GraphQLError
        ? current.originalError
        : current instanceof Error
          ? current.cause
          : undefined;
  }
  return chain;
}
