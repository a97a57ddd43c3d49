import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CORRELATION_HEADER = 'x-correlation-id';

/** Long enough to be unique, short and plain enough to be safe in logs and headers. */
const SANE = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

const assigned = new WeakMap<IncomingMessage, string>();

/**
 * The request's correlation id: the caller's `x-correlation-id` when it looks sane, else a new
 * uuid; echoed on the response. Idempotent, so the logger and the request context can both ask
 * without depending on which middleware runs first.
 */
export function correlationIdOf(request: IncomingMessage, response: ServerResponse): string {
  const known = assigned.get(request);
  if (known) return known;
  const offered = request.headers[CORRELATION_HEADER];
  const id = typeof offered === 'string' && SANE.test(offered) ? offered : randomUUID();
  assigned.set(request, id);
  if (!response.headersSent) response.setHeader(CORRELATION_HEADER, id);
  return id;
}
