import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationCommandRunner } from '../../infrastructure/application-command-runner';
import { ApplicationAnswers } from '../application-answers';
import { actorOf, commandMetadata } from '../application-use-case';
import { StartProcessingCommand } from './start-processing.command';

@CommandHandler(StartProcessingCommand)
export class StartProcessingHandler implements ICommandHandler<StartProcessingCommand> {
  constructor(
    @Inject(ApplicationAnswers) private readonly answers: ApplicationAnswers,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
  ) {}

  async execute(command: StartProcessingCommand): Promise<ApplicationModel> {
    const outcome = await this.runner.run({
      applicationId: command.applicationId,
      type: 'StartProcessing',
      expectedRevision: command.expectedRevision,
      metadata: commandMetadata(command.account),
      command: () => ({
        type: 'StartProcessing',
        data: { actor: actorOf(command.account) },
      }),
    });
    return this.answers.after(outcome);
  }
}
