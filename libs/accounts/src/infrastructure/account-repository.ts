import { randomUUID } from 'node:crypto';
import type { Actor, AppendResult, EventStore, EventToAppend } from '@app/event-sourcing';
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

export interface LoadedAccount {
  readonly state: AccountState;
  /** The stream's last revision, -1 when it does not exist yet. */
  readonly revision: number;
}

export interface AccountCommandMetadata {
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly actor: Actor;
}

/** Loads the Account aggregate from its stream and appends its decisions with optimistic concurrency. */
export class AccountRepository {
  constructor(private readonly eventStore: EventStore) {}

  async load(accountId: string): Promise<LoadedAccount> {
    const recorded = await this.eventStore.readStream(accountStream(accountId));
    const state = recorded.reduce(
      (folded, event) => evolve(folded, toAccountEvent(event)),
      initialState,
    );
    return { state, revision: recorded.at(-1)?.revision ?? -1 };
  }

  /**
   * Throws the store's `WrongExpectedRevisionError` when another writer got there first; nothing is
   * written then. Resolves with null when there was nothing to append.
   */
  async save(
    accountId: string,
    events: readonly AccountEvent[],
    expectedRevision: number,
    metadata: AccountCommandMetadata,
    occurredAt: Date,
  ): Promise<AppendResult | null> {
    if (events.length === 0) return null;
    const toAppend: EventToAppend[] = events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: {
        correlationId: metadata.correlationId,
        causationId: metadata.causationId ?? null,
        actor: metadata.actor,
        occurredAt,
        schemaVersion: ACCOUNT_EVENT_SCHEMA_VERSION,
      },
    }));
    return this.eventStore.append(
      accountStream(accountId),
      toAppend,
      expectedRevision < 0 ? 'no_stream' : expectedRevision,
    );
  }
}
