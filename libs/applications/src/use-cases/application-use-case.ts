import type { SessionAccount } from '@app/accounts';
import type { Actor } from '@app/event-sourcing';

export function actorOf(account: SessionAccount): Actor {
  return { id: account.accountId, role: account.role };
}
