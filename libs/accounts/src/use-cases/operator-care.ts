import type { Actor } from '@app/event-sourcing';
import { accountErrors } from '../domain/account-error';
import type { AccountsQuery, AccountView } from '../queries/accounts.query';
import type { SessionAccount } from '../sessions/session.service';
import { domainError } from './account-use-case';

/** What every operator act carries for the audit: who (the signed-in operator) and from where. */
export interface OperatorRequest {
  readonly operator: SessionAccount;
  readonly clientAddress: string;
}

export function actorOf(account: SessionAccount): Actor {
  return { id: account.accountId, role: account.role };
}

/** The account an operator names by user ID; a deleted one no longer holds it (ACC-7). */
export async function accountNamed(query: AccountsQuery, userId: string): Promise<AccountView> {
  const found = await query.byUserId(userId);
  if (found === null) throw domainError(accountErrors.notFound());
  return found;
}

export async function currentView(query: AccountsQuery, accountId: string): Promise<AccountView> {
  const account = await query.byId(accountId);
  if (account === null) throw domainError(accountErrors.notFound());
  return account;
}
