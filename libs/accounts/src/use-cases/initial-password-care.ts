import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunners } from '@app/event-sourcing';
import { SESSION_CLOCK, type SessionClock } from '../auth/session-clock';
import { InitialPasswords } from '../credentials/initial-passwords';
import { MailSecrets } from '../credentials/mail-secrets';
import { AccountCommandRunner } from '../infrastructure/account-command-runner';
import { AccountContactCipher } from '../infrastructure/account-contact-cipher';
import { AccountsReader, type AccountView } from '../read-models/accounts.reader';
import { SessionService } from '../sessions/session.service';
import { endSessionsAfter, waitForAccounts } from './account-use-case';
import type { Actor } from '@app/event-sourcing';
import { accountNamed, currentView } from './operator-care';
import { commandMetadata } from '@app/event-sourcing';
import { domainError } from './account-use-case';

/** Who acts (an operator over the API, or SYSTEM from a tool) and from where, for the audit. */
export interface CareRequest {
  readonly actor: Actor;
  readonly clientAddress: string;
}

export interface IssuedCare {
  readonly account: AccountView;
  /** Only a tool prints it (ACC-9's staff care); the API never answers it (ACC-5). */
  readonly initialPassword: string;
}

/**
 * ACC-5's two operator acts differ only in the command: both issue a fresh initial password,
 * end the account's sessions and answer the account as the read model then shows it.
 */
@Injectable()
export class InitialPasswordCare {
  constructor(
    @Inject(InitialPasswords) private readonly initialPasswords: InitialPasswords,
    @Inject(AccountsReader) private readonly query: AccountsReader,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
    @Inject(MailSecrets) private readonly mailSecrets: MailSecrets,
    @Inject(AccountContactCipher) private readonly cipher: AccountContactCipher,
  ) {}

  async issue(
    type: 'UnlockAccount' | 'ResetPassword',
    userId: string,
    request: CareRequest,
  ): Promise<IssuedCare> {
    const { id } = await accountNamed(this.query, userId);
    const { password, initialPasswordHash, sealed } = await this.initialPasswords.issue(id);
    // Before the append, so the mail projection finds it when it sees the event (issue 11 §5).
    await this.mailSecrets.handOver({ accountId: id, hash: initialPasswordHash, sealed });
    const { actor } = request;
    const clientAddress = await this.cipher.sealAddress(id, request.clientAddress);
    const outcome = await this.runner.run(
      id,
      { type, data: { actor, clientAddress, initialPasswordHash } },
      commandMetadata(actor),
    );
    await endSessionsAfter(outcome, id, this.sessions, this.clock());
    await waitForAccounts(this.projections, outcome.checkpoint);
    if (!outcome.decision.ok) throw domainError(outcome.decision.error);
    return { account: await currentView(this.query, id), initialPassword: password };
  }
}
