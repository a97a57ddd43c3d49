import { accountMessages } from '../../messages';
import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EVENT_STORE,
  InvalidInputError,
  ProjectionRunners,
  type EventStore,
} from '@app/event-sourcing';
import { InitialPasswords } from '../../credentials/initial-passwords';
import { isStaffRole, staffAccountProblems } from '../../domain/account-input-rules';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { AccountContactCipher } from '../../infrastructure/account-contact-cipher';
import { AccountsReader } from '../../read-models/accounts.reader';
import { waitForAccounts } from '../account-use-case';
import { currentView } from '../operator-care';
import { UserIdClaims } from '../register-account/user-id-claims';
import { CreateOperatorCommand, type CreatedOperator } from './create-operator.command';
import { commandMetadata } from '@app/event-sourcing';
import { domainError } from '../account-use-case';

/**
 * A tool can wait longer than a request: on a busy server the event store shows an append only
 * once older transactions have ended, and the projection may be another process's.
 */
const TOOL_READ_MODEL_WAIT_MS = 60_000;

@CommandHandler(CreateOperatorCommand)
export class CreateOperatorHandler implements ICommandHandler<CreateOperatorCommand> {
  constructor(
    @Inject(InitialPasswords) private readonly initialPasswords: InitialPasswords,
    @Inject(AccountsReader) private readonly query: AccountsReader,
    @Inject(AccountContactCipher) private readonly cipher: AccountContactCipher,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(UserIdClaims) private readonly userIds: UserIdClaims,
  ) {}

  async execute({ input, actor }: CreateOperatorCommand): Promise<CreatedOperator> {
    const problems = staffAccountProblems(input);
    if (problems.length > 0 || !isStaffRole(input.role)) throw new InvalidInputError(problems);
    // The tool may start on a read model that has not seen the last appends (e.g. its own
    // embedded database opened while the API was down): catch up before asking it.
    const { checkpoint: head } = await this.eventStore.head();
    await waitForAccounts(this.projections, head, TOOL_READ_MODEL_WAIT_MS);
    const accountId = randomUUID();
    const metadata = commandMetadata(actor);
    // The same reservation as registration's, so a customer and a staff account never share one.
    if (!(await this.userIds.claim(input.userId, accountId, metadata))) {
      throw new InvalidInputError([
        {
          field: 'userId',
          code: 'USER_ID_TAKEN',
          message: accountMessages.userIdTaken,
        },
      ]);
    }
    const [{ password, initialPasswordHash }, contact, userId] = await Promise.all([
      this.initialPasswords.issue(accountId),
      this.cipher.encryptContact(accountId, input),
      this.cipher.sealUserId(accountId, input.userId),
    ]);
    const outcome = await this.runner.run(
      accountId,
      {
        type: 'CreateOperator',
        data: {
          accountId,
          ...userId,
          role: input.role,
          contact,
          initialPasswordHash,
        },
      },
      metadata,
    );
    if (!outcome.decision.ok) throw domainError(outcome.decision.error);
    await waitForAccounts(this.projections, outcome.checkpoint, TOOL_READ_MODEL_WAIT_MS);
    return { account: await currentView(this.query, accountId), initialPassword: password };
  }
}
