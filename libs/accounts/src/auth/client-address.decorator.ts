import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/**
 * The client's address as Express sees it: the peer, or, when the peer is one of the proxies
 * named by `TRUST_PROXY` (Express's `trust proxy`), the nearest untrusted address of
 * `X-Forwarded-For`. Nothing a client writes in a header is believed unless a trusted proxy
 * relayed it.
 */
export function clientAddressOf(request: IncomingMessage & { readonly ip?: string }): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

/** Where the request came from, for throttling and the audit (ACC-4, ACC-5/ACC-6's acts). */
export const ClientAddress = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => {
    const request =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: IncomingMessage }>().req
        : context.switchToHttp().getRequest<IncomingMessage>();
    return clientAddressOf(request);
  },
);
