import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/**
 * Where the request came from, for the audit (ACC-4's attempts, ACC-5/ACC-6's operator acts).
 * The peer's address, as login records it: no proxy header is trusted until a proxy is deployed.
 */
export const ClientAddress = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => {
    const request =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: IncomingMessage }>().req
        : context.switchToHttp().getRequest<IncomingMessage>();
    return request.socket.remoteAddress ?? 'unknown';
  },
);
