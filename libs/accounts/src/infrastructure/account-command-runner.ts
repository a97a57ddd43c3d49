import type { Checkpoint } from '@app/event-sourcing';
import type { AccountCommand } from '../domain/account.command';
import { decide } from '../domain/account.decide';
import { evolve } from '../domain/account.evolve';
import type { AccountState } from '../domain/account.state';
import type { Decision } from '../domain/decision';
import type { AccountCommandMetadata, AccountRepository } from './account-repository';

export interface AccountCommandOutcome {
  readonly decision: Decision;
  /** The aggregate after the decision's events: what a mutation answers from. */
  readonly state: AccountState;
  readonly revision: number;
  /** Where the append landed, for read-your-writes waits; null when nothing was appended. */
  readonly checkpoint: Checkpoint | null;
}

/** A command, or how to make it from the loaded state (e.g. a password check against its hash). */
export type AccountCommandFor = AccountCommand | ((state: AccountState) => Promise<AccountCommand>);

/**
 * Load once, decide, append with the expected revision. A refusal that records facts (a wrong password,
 * an expired link) appends them too; the caller then answers with `decision.error`.
 */
export class AccountCommandRunner {
  constructor(
    private readonly repository: AccountRepository,
    private readonly clock: () => Date,
  ) {}

  async run(
    accountId: string,
    command: AccountCommandFor,
    metadata: AccountCommandMetadata,
  ): Promise<AccountCommandOutcome> {
    const { state, revision } = await this.repository.load(accountId);
    const resolved = typeof command === 'function' ? await command(state) : command;
    const now = this.clock();
    const decision = decide(resolved, state, now);
    const appended = await this.repository.save(
      accountId,
      decision.events,
      revision,
      metadata,
      now,
    );
    return {
      decision,
      state: decision.events.reduce(evolve, state),
      revision: appended?.nextExpectedRevision ?? revision,
      checkpoint: appended?.checkpoint ?? null,
    };
  }
}
