import type { IncomingHttpHeaders } from 'node:http';
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { DomainError } from '@app/event-sourcing';
import { accountRefusal } from '../account-refusal';
import type { AccountError } from '../domain/account-error';
import type { SessionAccount } from '../sessions/session.service';

/** What the guards need of a request: the gateway's GraphQL context carries Node's own. */
export interface RequestWithHeaders {
  readonly headers: IncomingHttpHeaders;
}

// Keyed by the request object, so the field resolvers of one request authenticate once.
const signedIn = new WeakMap<RequestWithHeaders, SessionAccount>();

export function requestOf(context: ExecutionContext): RequestWithHeaders {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithHeaders }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithHeaders>();
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerTokenOf(request: RequestWithHeaders): string | null {
  const match = /^Bearer ([^\s]+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export function rememberAccount(request: RequestWithHeaders, account: SessionAccount): void {
  signedIn.set(request, account);
}

export function rememberedAccount(request: RequestWithHeaders): SessionAccount | undefined {
  return signedIn.get(request);
}

export function refusal(error: AccountError): DomainError {
  return accountRefusal(error);
}
