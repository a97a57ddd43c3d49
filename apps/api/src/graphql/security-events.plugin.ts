import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { securitySubjectOf, type SecurityEventLog } from '@app/accounts';
import { ErrorCode } from '@app/event-sourcing';
import { toClientError } from './errors/client-error';

// Refusals for who asked; BAD_USER_INPUT and NOT_FOUND are about what was asked.
const DENIALS = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.MFA_REQUIRED,
  ErrorCode.PASSWORD_CHANGE_REQUIRED,
]);
// The login records its own refusals, with the user ID it was given (LoginHandler).
const RECORDS_ITS_OWN = new Set(['login']);

/**
 * ASVS 16: every authorization refusal and every throttled request, whichever context refused
 * it, goes to the security log once per refused field, with the session's account (if any) and
 * the client's address.
 */
export function securityEventsPlugin(log: SecurityEventLog): ApolloServerPlugin<{
  req: IncomingMessage;
}> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const operation = typeof error.path?.[0] === 'string' ? error.path[0] : null;
            if (operation === null || RECORDS_ITS_OWN.has(operation)) continue;
            const { code } = toClientError(error);
            const { subject, address } = securitySubjectOf(contextValue.req);
            if (DENIALS.has(code)) await log.accessDenied(subject, address, { operation, code });
            else if (code === ErrorCode.RATE_LIMITED)
              await log.rateLimited(subject, address, operation);
          }
        },
      };
    },
  };
}
