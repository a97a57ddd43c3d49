import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import {
  ApplicationCommandRunner,
  domainError,
} from '../../infrastructure/application-command-runner';
import { checkIssuedPoints } from '../../input/application-input.rules';
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
      command: () => {
        // Access was granted already: the operator may see what is wrong with the input.
        const issued = checkIssuedPoints(command.issuedPoints);
        if (!issued.ok) throw domainError(issued.error);
        return {
          type: 'CompleteApplication',
          data: { actor: actorOf(command.account), issuedPoints: issued.value },
        };
      },
    });
    return this.answers.after(outcome);
  }
}
