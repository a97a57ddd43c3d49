import { Injectable, type NestMiddleware } from '@nestjs/common';
import { RequestContext } from '@app/event-sourcing';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdOf } from './correlation-id';

/**
 * Enters the request context for everything the request runs. A Nest middleware, not `app.use`,
 * because Nest mounts it after the body parser, whose callbacks would otherwise leave the
 * async context behind.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    RequestContext.run({ correlationId: correlationIdOf(request, response) }, next);
  }
}
