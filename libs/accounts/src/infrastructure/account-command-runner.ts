import type { Checkpoint, CommandMetadata, CommandRunner } from '@app/event-sourcing';
import type { AccountDecision } from '../domain/account-error';
import type { AccountCommand } from '../domain/account.command';
import type { AccountState } from '../domain/account.state';
import { accountAggregate } from './account-repository';

export interface AccountCommandOutcome {
  readonly decision: AccountDecision;
  /** The aggregate after the decision's events: what a mutation answers from. */
  readonly state: AccountState;
  readonly revision: number;
  readonly checkpoint: Checkpoint | null;
}

/**
 * A command, or how to make it from the loaded state (e.g. a password check against its hash)
 * at the command's one `now` (e.g. a TOTP code's time step).
 */
export type AccountCommandFor =
  AccountCommand | ((state: AccountState, now: Date) => Promise<AccountCommand>);

/**
 * The kernel's runner on one account. A refusal that records facts (a wrong password, an expired
 * link) appends them too; the caller then answers with `decision.error`.
 */
export class AccountCommandRunner {
  constructor(private readonly runner: CommandRunner) {}

  async run(
    accountId: string,
    command: AccountCommandFor,
    metadata: CommandMetadata,
  ): Promise<AccountCommandOutcome> {
    const { value, checkpoint } = await this.runner.run(metadata, async (scope) => {
      const account = await scope.load(accountAggregate, accountId);
      const resolved =
        typeof command === 'function' ? await command(account.state, scope.now) : command;
      return { account, decision: account.decide(resolved) };
    });
    const { account, decision } = value;
    return { decision, state: account.state, revision: account.revision, checkpoint };
  }
}
