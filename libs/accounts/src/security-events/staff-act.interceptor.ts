import type { IncomingMessage } from 'node:http';
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { mergeMap, type Observable } from 'rxjs';
import { rememberedAccount } from '../auth/authenticated-request';
import { SecurityEventLog, type SecurityDetail } from './security-event-log';
import { securitySubjectOf } from './security-subject';

// What an act names and an auditor may read: identifiers, never a password, code or contact.
const IDENTIFIERS = ['userId', 'accountId', 'applicationId', 'pointId', 'id'] as const;
// Recorded as their own kind.
const OWN_KIND = new Set(['logout', 'login']);

function identifiersOf(args: Readonly<Record<string, unknown>>): SecurityDetail {
  const detail: Record<string, string | number> = {};
  const input = args['input'];
  for (const source of [args, typeof input === 'object' && input !== null ? input : {}]) {
    for (const name of IDENTIFIERS) {
      const value: unknown = (source as Record<string, unknown>)[name];
      if (typeof value === 'string' || typeof value === 'number') detail[name] = value;
    }
  }
  return detail;
}

/**
 * ASVS 16: every mutation an OPERATOR or AUDITOR session completes (unlock, reset, contact
 * change, metering records, application processing, …) goes to the security log with the
 * operation and the identifiers it named. One hook for all contexts' resolvers, so a new staff
 * operation is recorded without anyone remembering to.
 */
@Injectable()
export class StaffActInterceptor implements NestInterceptor {
  constructor(@Inject(SecurityEventLog) private readonly log: SecurityEventLog) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const graphql = GqlExecutionContext.create(context);
    const info = graphql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation' || OWN_KIND.has(info.fieldName)) return next.handle();
    const request = graphql.getContext<{ req: IncomingMessage }>().req;
    const args = graphql.getArgs<Record<string, unknown>>();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const account = rememberedAccount(request);
        if (account && account.role !== 'CUSTOMER') {
          const { subject, address } = securitySubjectOf(request);
          await this.log.staffAct(subject, address, {
            operation: info.fieldName,
            ...identifiersOf(args),
          });
        }
        return result;
      }),
    );
  }
}
