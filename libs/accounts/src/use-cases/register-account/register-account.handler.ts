import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, ProjectionRunners } from '@app/event-sourcing';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { accountErrors } from '../../domain/account-error';
import { ActionThrottle } from '../../throttling/action-throttle';
import { CommonPasswords } from '../../credentials/common-passwords';
import { PasswordHasher } from '../../credentials/password-hasher';
import { VerificationTokens } from '../../credentials/verification-tokens';
import { MailSecrets } from '../../credentials/mail-secrets';
import { registrationProblems } from '../../domain/account-input-rules';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { AccountContactCipher } from '../../infrastructure/account-contact-cipher';
import { waitForAccounts } from '../account-use-case';
import { RegisterAccountCommand } from './register-account.command';
import { UserIdClaims } from './user-id-claims';
import { commandMetadata } from '@app/event-sourcing';
import { domainError } from '../account-use-case';

@CommandHandler(RegisterAccountCommand)
export class RegisterAccountHandler implements ICommandHandler<RegisterAccountCommand> {
  constructor(
    @Inject(CommonPasswords) private readonly commonPasswords: CommonPasswords,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(VerificationTokens) private readonly tokens: VerificationTokens,
    @Inject(UserIdClaims) private readonly userIds: UserIdClaims,
    @Inject(AccountContactCipher) private readonly cipher: AccountContactCipher,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(ActionThrottle) private readonly throttle: ActionThrottle,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
    @Inject(MailSecrets) private readonly mailSecrets: MailSecrets,
  ) {}

  async execute({ input, clientAddress }: RegisterAccountCommand): Promise<boolean> {
    if (!(await this.throttle.admit('register', clientAddress, this.clock()))) {
      throw domainError(accountErrors.tooManyRequests());
    }
    const problems = registrationProblems(input, this.commonPasswords.isCommon);
    if (problems.length > 0) throw new InvalidInputError(problems);
    // Hashed first, so a taken user ID answers in about the time a free one does.
    const passwordHash = await this.hasher.hash(input.password, 'anonymous');
    const accountId = randomUUID();
    const metadata = commandMetadata({ id: accountId, role: 'CUSTOMER' });
    if (!(await this.userIds.claim(input.userId, accountId, metadata))) return true;
    const { token, hash } = this.tokens.issue();
    const [contact, sealed, userId] = await Promise.all([
      this.cipher.encryptContact(accountId, input),
      this.cipher.seal(accountId, token),
      this.cipher.sealUserId(accountId, input.userId),
    ]);
    // Before the append, so the mail projection finds it when it sees the event (issue 11 §5).
    await this.mailSecrets.handOver({ accountId, hash, sealed });
    const outcome = await this.runner.run(
      accountId,
      {
        type: 'RegisterAccount',
        data: {
          accountId,
          ...userId,
          contact,
          passwordHash,
          verificationTokenHash: hash,
        },
      },
      metadata,
    );
    if (!outcome.decision.ok) throw domainError(outcome.decision.error);
    await waitForAccounts(this.projections, outcome.checkpoint);
    return true;
  }
}
