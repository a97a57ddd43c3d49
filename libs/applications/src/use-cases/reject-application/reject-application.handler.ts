import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationCommandRunner } from '../../infrastructure/application-command-runner';
import { ApplicationAnswers } from '../application-answers';
import { actorOf, commandMetadata } from '../application-use-case';
import { RejectApplicationCommand } from './reject-application.command';

@CommandHandler(RejectApplicationCommand)
export class RejectApplicationHandler implements ICommandHandler<RejectApplicationCommand> {
  constructor(
    @Inject(ApplicationAnswers) private readonly answers: ApplicationAnswers,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
  ) {}

  async execute(command: RejectApplicationCommand): Promise<ApplicationModel> {
    const outcome = await this.runner.run({
      applicationId: command.applicationId,
      type: 'RejectApplication',
      expectedRevision: command.expectedRevision,
      metadata: commandMetadata(command.account),
      command: () => ({
        type: 'RejectApplication',
        data: { actor: actorOf(command.account), reason: command.reason },
      }),
    });
    return this.answers.after(outcome);
  }
}
