import type { SessionAccount } from '@app/accounts';
import { commandMetadata, type Actor } from '@app/event-sourcing';
import type {
  CompleteApplication,
  RejectApplication,
  ReturnApplication,
  StartProcessing,
  WithdrawApplication,
} from '../domain/application.command';
import type { ApplicationModel } from '../graphql/application.model';
import type { ApplicationCommandRunner } from '../infrastructure/application-command-runner';
import type { ApplicationAnswers } from './application-answers';
import { actorOf } from './application-use-case';

export type StatusAct =
  | StartProcessing
  | ReturnApplication
  | RejectApplication
  | CompleteApplication
  | WithdrawApplication;

/** What every status act's command carries: who, which application, at which revision. */
export interface StatusActCommand {
  readonly account: SessionAccount;
  readonly applicationId: number;
  readonly expectedRevision: number;
}

/**
 * The five status acts (start, return, reject, complete, withdraw) are one command shape: the
 * decider tells them apart, and the runner appends their point releases with them (OPS-4).
 */
export class StatusActs {
  constructor(
    private readonly runner: ApplicationCommandRunner,
    private readonly answers: ApplicationAnswers,
  ) {}

  /** `act` makes the command once access is granted: its input errors are for whoever may act. */
  async act<Act extends StatusAct>(
    command: StatusActCommand,
    type: Act['type'],
    act: (actor: Actor) => Act,
  ): Promise<ApplicationModel> {
    const actor = actorOf(command.account);
    const outcome = await this.runner.run({
      applicationId: command.applicationId,
      type,
      expectedRevision: command.expectedRevision,
      metadata: commandMetadata(actor),
      command: () => act(actor),
    });
    return this.answers.after(outcome);
  }
}
