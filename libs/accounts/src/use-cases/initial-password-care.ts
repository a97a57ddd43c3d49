import { Inject, Injectable } from '@nestjs/common';
import { commandMetadata, domainErrorOf, ProjectionRunners } from '@app/event-sourcing';
import { SESSION_CLOCK, type SessionClock } from '../auth/session-clock';
import { InitialPasswords } from '../credentials/initial-passwords';
import { AccountCommandRunner } from '../infrastructure/account-command-runner';
import { AccountsQuery, type AccountView } from '../queries/accounts.query';
import { SessionService } from '../sessions/session.service';
import { endSessionsAfter, waitForAccounts } from './account-use-case';
import { accountNamed, actorOf, currentView, type OperatorRequest } from './operator-care';

/**
 * ACC-5's two operator acts differ only in the command: both issue a fresh initial password,
 * end the account's sessions and answer the account as the read model then shows it.
 */
@Injectable()
export class InitialPasswordCare {
  constructor(
    @Inject(InitialPasswords) private readonly initialPasswords: InitialPasswords,
    @Inject(AccountsQuery) private readonly query: AccountsQuery,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
  ) {}

  async issue(
    type: 'UnlockAccount' | 'ResetPassword',
    userId: string,
    request: OperatorRequest,
  ): Promise<AccountView> {
    const { id } = await accountNamed(this.query, userId);
    const { initialPasswordHash, initialPassword } = await this.initialPasswords.issue(id);
    const actor = actorOf(request.operator);
    const outcome = await this.runner.run(
      id,
      {
        type,
        data: { actor, clientAddress: request.clientAddress, initialPasswordHash, initialPassword },
      },
      commandMetadata(actor),
    );
    await endSessionsAfter(outcome.decision, id, this.sessions, this.clock());
    await waitForAccounts(this.projections, outcome.checkpoint);
    if (!outcome.decision.ok) throw domainErrorOf(outcome.decision.error);
    return currentView(this.query, id);
  }
}
