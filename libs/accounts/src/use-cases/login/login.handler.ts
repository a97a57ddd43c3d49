import { setTimeout as sleep } from 'node:timers/promises';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCode, PiiVault, ProjectionRunners } from '@app/event-sourcing';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { PasswordHasher } from '../../credentials/password-hasher';
import { isTotpCode, RecoveryCodes, Totp } from '../../credentials/second-factor';
import type { SecondFactorProof } from '../../domain/account.command';
import { AccountContactCipher } from '../../infrastructure/account-contact-cipher';
import { accountErrors } from '../../domain/account-error';
import type { AccountRole } from '../../domain/account.event';
import type { AccountState } from '../../domain/account.state';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { UserIdReservations } from '../../infrastructure/user-id-reservations';
import { AccountsReader } from '../../read-models/accounts.reader';
import { SecurityEventLog } from '../../security-events/security-event-log';
import { SessionService } from '../../sessions/session.service';
import { LoginThrottle } from '../../throttling/login-throttle';
import { endSessionsAfter, waitForAccounts } from '../account-use-case';
import { LoginCommand, type LoginResult } from './login.command';
import { commandMetadata } from '@app/event-sourcing';
import { domainError } from '../account-use-case';

interface LoginCheck {
  done: boolean;
  matched: boolean;
  /** The role of the account the user ID names, once found. */
  role: AccountRole | null;
}

/**
 * ACC-4: an unknown user ID costs one argon2 verify like a wrong password and gets the same
 * error; every attempt on an existing account is recorded, and the third failure locks it.
 * The throttle counts the attempt before the password is checked and takes the count back when
 * the password was right: only guesses count (issue 11). A throttled attempt costs no argon2
 * verify and records no event, so it never counts towards ACC-4 either.
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(AccountsReader) private readonly query: AccountsReader,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(PiiVault) private readonly vault: PiiVault,
    @Inject(UserIdReservations) private readonly reservations: UserIdReservations,
    @Inject(SecurityEventLog) private readonly securityEvents: SecurityEventLog,
    @Inject(Totp) private readonly totp: Totp,
    @Inject(AccountContactCipher) private readonly cipher: AccountContactCipher,
  ) {}

  async execute({ userId, password, clientAddress, otp }: LoginCommand): Promise<LoginResult> {
    const admitted = await this.throttle.admit(userId, clientAddress, this.clock());
    if (admitted === null) {
      await this.securityEvents.loginThrottled(userId, clientAddress);
      throw domainError(accountErrors.tooManyLoginAttempts());
    }
    const check: LoginCheck = { done: false, matched: false, role: null };
    try {
      return await this.attempt(userId, password, otp, clientAddress, check);
    } catch (error) {
      await this.recordFailure(userId, clientAddress, check.role, error);
      if (check.done && !check.matched) await sleep(this.throttle.delayAfterFailure(admitted));
      throw error;
    } finally {
      // Not a guess: a right password, or an attempt that never reached the check (a full queue).
      if (!check.done || check.matched) await this.throttle.succeeded(admitted);
    }
  }

  private async attempt(
    userId: string,
    password: string,
    otp: string | null,
    clientAddress: string,
    check: LoginCheck,
  ): Promise<LoginResult> {
    const found = await this.query.byUserId(userId);
    if (found === null) {
      await this.hasher.verifyAgainstNothing(password);
      check.done = true;
      throw domainError(accountErrors.invalidCredentials());
    }
    check.role = found.role;
    const metadata = commandMetadata({ id: found.id, role: found.role });
    const outcome = await this.runner.run(
      found.id,
      async (state, now) => {
        check.matched = await this.matches(state, password);
        check.done = true;
        const secondFactor = check.matched ? await this.proof(state, otp, now) : undefined;
        return {
          type: 'RecordLoginAttempt',
          data: {
            clientAddress: await this.cipher.sealAddress(found.id, clientAddress),
            passwordMatched: check.matched,
            ...(secondFactor && { secondFactor }),
          },
        };
      },
      metadata,
    );
    // ACC-9: a wrong code is a guess like a wrong password, for the throttle as for ACC-4.
    if (outcome.decision.events.some((event) => event.type === 'LoginFailed')) {
      check.matched = false;
    }
    await endSessionsAfter(outcome, found.id, this.sessions, this.clock());
    if (outcome.decision.events.some((event) => event.type === 'AccountLocked')) {
      await this.securityEvents.accountLocked({ userId, role: found.role }, clientAddress);
    }
    if (outcome.decision.events.some((event) => event.type === 'AccountDeletedForInactivity')) {
      // ACC-7 at login: what the nightly job does after its deletion, done now.
      await this.vault.forget(found.id);
      await this.securityEvents.forgetDeleted(userId);
      await this.reservations.releaseAfter(outcome.decision.events, metadata);
    }
    await waitForAccounts(this.projections, outcome.checkpoint);
    if (!outcome.decision.ok) throw domainError(outcome.decision.error);
    if (outcome.state.status !== 'Active') throw domainError(accountErrors.invalidCredentials());
    const session = await this.sessions.issue(
      outcome.state,
      this.clock(),
      clientAddress,
      outcome.revision,
    );
    const account = await this.query.byId(found.id);
    if (account === null) throw domainError(accountErrors.invalidCredentials());
    return { ...session, account };
  }

  /** ASVS 16: every refused login, unknown user IDs included, except the request for a code. */
  private async recordFailure(
    userId: string,
    clientAddress: string,
    role: AccountRole | null,
    error: unknown,
  ): Promise<void> {
    const code = error instanceof DomainError ? error.code : null;
    if (code === ErrorCode.MFA_REQUIRED) return;
    if (code === ErrorCode.RATE_LIMITED) {
      await this.securityEvents.loginThrottled(userId, clientAddress);
      return;
    }
    const reason = error instanceof DomainError ? (error.reason ?? error.code) : 'ERROR';
    await this.securityEvents.loginFailed({ userId, role }, clientAddress, reason);
  }

  /**
   * ACC-9: what `otp` proves against the account's factor; its secret is opened only after the
   * right password, and only for an account that has one. Six digits are a TOTP code, anything
   * else a recovery code.
   */
  private async proof(
    state: AccountState,
    otp: string | null,
    now: Date,
  ): Promise<SecondFactorProof | undefined> {
    const typed = otp?.trim() ?? '';
    if (typed === '' || state.status !== 'Active' || state.secondFactor === null) return undefined;
    if (!isTotpCode(typed))
      return { method: 'RECOVERY_CODE', codeHash: RecoveryCodes.hashOf(typed) };
    const secret = await this.cipher.decrypt(state.secondFactor.secret);
    return { method: 'TOTP', timeStep: this.totp.timeStepOf(secret, typed, now) };
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
