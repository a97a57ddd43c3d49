import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationCipher } from '../../infrastructure/application-cipher';
import { ApplicationCommandRunner } from '../../infrastructure/application-command-runner';
import { actorOf, answerFrom, commandMetadata } from '../application-use-case';
import { CompleteApplicationCommand } from './complete-application.command';

@CommandHandler(CompleteApplicationCommand)
export class CompleteApplicationHandler implements ICommandHandler<CompleteApplicationCommand> {
  constructor(
    @Inject(ApplicationCipher) private readonly cipher: ApplicationCipher,
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
    return answerFrom(outcome, this.cipher);
  }
}
