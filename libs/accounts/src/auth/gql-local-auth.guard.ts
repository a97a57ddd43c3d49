import type { IncomingMessage, ServerResponse } from 'node:http';
import { createParamDecorator, Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import type { GraphQLResolveInfo } from 'graphql';
import { accountErrors } from '../domain/account-error';
import type { LoginResult } from '../use-cases/login/login.command';
import { refusal } from './authenticated-request';

interface LoginRequest extends IncomingMessage {
  readonly body: Readonly<Record<string, unknown>>;
  user?: LoginResult;
}

// One view of the request per login field, keyed by that field's resolve info: aliases in one
// request (`a: login(…) b: login(…)`) each log in, and each is throttled, on their own.
const loginRequests = new WeakMap<GraphQLResolveInfo, LoginRequest>();

/** Feeds passport-local the GraphQL arguments as the form body it expects. */
@Injectable()
export class GqlLocalAuthGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext): LoginRequest {
    const graphql = GqlExecutionContext.create(context);
    const request = graphql.getContext<{ req: IncomingMessage }>().req;
    const loginRequest = Object.assign(Object.create(request) as IncomingMessage, {
      body: graphql.getArgs<Record<string, unknown>>(),
    });
    loginRequests.set(graphql.getInfo<GraphQLResolveInfo>(), loginRequest);
    return loginRequest;
  }

  getResponse(context: ExecutionContext): ServerResponse {
    return GqlExecutionContext.create(context).getContext<{ res: ServerResponse }>().res;
  }

  // passport-local fails without calling the strategy when a credential is empty: answer that
  // as any other wrong credential.
  override handleRequest<User = LoginResult>(error: unknown, user: User | false): User {
    if (error instanceof Error) throw error;
    if (error) throw new Error('passport-local failed without an Error', { cause: error });
    if (!user) throw refusal(accountErrors.invalidCredentials());
    return user;
  }
}

/** The session the guard's login opened for this field. */
export const LocalLogin = createParamDecorator(
  (_data: unknown, context: ExecutionContext): LoginResult => {
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    const login = loginRequests.get(info)?.user;
    if (!login) throw refusal(accountErrors.invalidCredentials());
    return login;
  },
);
