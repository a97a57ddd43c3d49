/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not there yet: 57P01 admin shutdown, 57P02 crash
 * shutdown, 57P03 cannot connect now (starting up, shutting down, in recovery), 53300 too many
 * connections. Class 08 (connection exception) is matched by its prefix.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What pg, pg-pool and PGlite say when there is no usable connection; they set no code. */
const MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^timeout exceeded when trying to connect$/,
  /^PGlite is clos(ed|ing)$/,
];

/**
 * True when `error` (or what it wraps: `cause`, TypeORM's `driverError`) says the database could
 * not be reached or the connection was lost: a condition of the moment, not of the request.
 */
export function isStoreUnreachable(error: unknown): boolean {
  return causes(error).some((cause) => {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
        return true;
    }
    return cause instanceof Error && MESSAGES.some((pattern) => pattern.test(cause.message));
  });
}

/** Unreachable before anything was sent: no connection was made, so nothing can have been written. */
const BEFORE_SENDING = [
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P03',
  '53300',
];

/**
 * True when the connection failed while a statement was on its way or running: whether a write
 * it carried was stored is unknown. Failures to connect at all are not.
 */
export function isLostMidStatement(error: unknown): boolean {
  if (!isStoreUnreachable(error)) return false;
  return !causes(error).some((cause) => {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && BEFORE_SENDING.includes(code)) return true;
    return (
      cause instanceof Error &&
      /^(timeout exceeded when trying to connect|Connection terminated due to connection timeout)$/.test(
        cause.message,
      )
    );
  });
}

/**
 * An append whose write reached the database but whose answer did not come back (the connection
 * was lost during the statement or the COMMIT): it may or may not have been stored. The command
 * runner settles it by appending the same events again (appends are idempotent by event id);
 * when the store stays unreachable the outcome stays unknown, and the client must be told so.
 */
export class AppendOutcomeUnknownError extends Error {
  override readonly name = 'AppendOutcomeUnknownError';

  constructor(
    readonly streams: readonly string[],
    options: { readonly cause: unknown },
  ) {
    super(`append to ${streams.join(', ')} may or may not have been stored`, options);
  }
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (
    current !== undefined &&
    current !== null &&
    !chain.includes(current) &&
    chain.length < 10
  ) {
    chain.push(current);
    const next = current as { cause?: unknown; driverError?: unknown };
    current = next.driverError ?? next.cause;
  }
  return chain;
}
