import { randomUUID } from 'node:crypto';
import type { SessionAccount } from '@app/accounts';
import { RequestContext, type Actor } from '@app/event-sourcing';
import type { ApplicationCommandMetadata } from '../infrastructure/application-repository';

export function actorOf(account: SessionAccount): Actor {
  return { id: account.accountId, role: account.role };
}

export function commandMetadata(account: SessionAccount): ApplicationCommandMetadata {
  return { correlationId: RequestContext.correlationId() ?? randomUUID(), actor: actorOf(account) };
}
