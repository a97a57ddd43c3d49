import type { IncomingMessage } from 'node:http';
import { rememberedAccount } from '../auth/authenticated-request';
import { clientAddressOf } from '../auth/client-address.decorator';
import type { SecuritySubject } from './security-event-log';

/** Who a request spoke for, as the guards found it, and where it came from. */
export function securitySubjectOf(request: IncomingMessage): {
  readonly subject: SecuritySubject;
  readonly address: string;
} {
  const account = rememberedAccount(request);
  return {
    subject: account ? { accountId: account.accountId, role: account.role } : { anonymous: true },
    address: clientAddressOf(request),
  };
}
