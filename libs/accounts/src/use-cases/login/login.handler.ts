import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadata, domainErrorOf, ProjectionRunners } from '@app/event-sourcing';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { PasswordHasher } from '../../credentials/password-hasher';
import { accountErrors } from '../../domain/account-error';
import type { AccountState } from '../../domain/account.state';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { AccountsQuery } from '../../queries/accounts.query';
import { SessionService } from '../../sessions/session.service';
import { LoginThrottle } from '../../throttling/login-throttle';
import { endSessionsAfter, waitForAccounts } from '../account-use-case';
import { LoginCommand, type LoginResult } from './login.command';

/**
 * ACC-4: an unknown user ID costs one argon2 verify like a wrong password and gets the same
 * error; every attempt on an existing account is recorded, and the third failure locks it.
 * The per-address throttle comes first: a throttled attempt costs no argon2 verify, records no
 * event and so does not count towards ACC-4 (a flood from one address cannot lock others out).
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(AccountsQuery) private readonly query: AccountsQuery,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {}

  async execute({ userId, password, clientAddress }: LoginCommand): Promise<LoginResult> {
    if (!(await this.throttle.admit(clientAddress, this.clock()))) {
      throw domainErrorOf(accountErrors.tooManyLoginAttempts());
    }
    const found = await this.query.byUserId(userId);
    if (found === null) {
      await this.hasher.verifyAgainstNothing(password);
      throw domainErrorOf(accountErrors.invalidCredentials());
    }
    const outcome = await this.runner.run(
      found.id,
      async (state) => ({
        type: 'RecordLoginAttempt',
        data: { clientAddress, passwordMatched: await this.matches(state, password) },
      }),
      commandMetadata({ id: found.id, role: found.role }),
    );
    await endSessionsAfter(outcome.decision, found.id, this.sessions, this.clock());
    await waitForAccounts(this.projections, outcome.checkpoint);
    if (!outcome.decision.ok) throw domainErrorOf(outcome.decision.error);
    if (outcome.state.status !== 'Active') throw domainErrorOf(accountErrors.invalidCredentials());
    const session = await this.sessions.issue(outcome.state, this.clock(), clientAddress);
    const account = await this.query.byId(found.id);
    if (account === null) throw domainErrorOf(accountErrors.invalidCredentials());
    return { ...session, account };
  }

  private matches(state: AccountState, password: string): Promise<boolean> {
    switch (state.status) {
      case 'PendingVerification':
      case 'Active':
      case 'Locked':
        return this.hasher.verify(state.passwordHash, password);
      default:
        return this.hasher.verifyAgainstNothing(password);
    }
  }
}
