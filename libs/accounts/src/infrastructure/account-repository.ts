import { EventSourcedRepository, type Aggregate, type EventStore } from '@app/event-sourcing';
import type { AccountError } from '../domain/account-error';
import type { AccountCommand } from '../domain/account.command';
import { decide } from '../domain/account.decide';
import type { AccountEvent } from '../domain/account.event';
import { evolve } from '../domain/account.evolve';
import { initialState, type AccountState } from '../domain/account.state';
import { toAccountEvent } from './recorded-account-event';

export const ACCOUNT_STREAM_PREFIX = 'account-';

export function accountStream(accountId: string): string {
  return `${ACCOUNT_STREAM_PREFIX}${accountId}`;
}

/** Schema version of every account event as written today; upcasters key on it later. */
export const ACCOUNT_EVENT_SCHEMA_VERSION = 1;

/** The Account aggregate on its stream `account-<accountId>`, for the kernel's command runner. */
export const accountAggregate: Aggregate<
  string,
  AccountCommand,
  AccountState,
  AccountEvent,
  AccountError
> = {
  stream: accountStream,
  initialState,
  evolve,
  decide,
  toEvent: toAccountEvent,
  schemaVersion: ACCOUNT_EVENT_SCHEMA_VERSION,
};

export class AccountRepository extends EventSourcedRepository<string, AccountState, AccountEvent> {
  constructor(eventStore: EventStore) {
    super(eventStore, accountAggregate);
  }
}
