import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationCommandRunner } from '../../infrastructure/application-command-runner';
import { ApplicationAnswers } from '../application-answers';
import { actorOf, commandMetadata } from '../application-use-case';
import { CompleteApplicationCommand } from './complete-application.command';

@CommandHandler(CompleteApplicationCommand)
export class CompleteApplicationHandler implements ICommandHandler<CompleteApplicationCommand> {
  constructor(
    @Inject(ApplicationAnswers) private readonly answers: ApplicationAnswers,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
  ) {}

  async execute(command: CompleteApplicationCommand): Promise<ApplicationModel> {
    const outcome = await this.runner.run({
      applicationId: command.applicationId,
      type: 'CompleteApplication',
      expectedRevision: command.expectedRevision,
      metadata: commandMetadata(command.account),
      command: () => ({
        type: 'CompleteApplication',
        data: { actor: actorOf(command.account) },
      }),
    });
    return this.answers.after(outcome);
  }
}
