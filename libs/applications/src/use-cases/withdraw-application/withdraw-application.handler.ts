import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationCommandRunner } from '../../infrastructure/application-command-runner';
import { ApplicationAnswers } from '../application-answers';
import { actorOf, commandMetadata } from '../application-use-case';
import { WithdrawApplicationCommand } from './withdraw-application.command';

@CommandHandler(WithdrawApplicationCommand)
export class WithdrawApplicationHandler implements ICommandHandler<WithdrawApplicationCommand> {
  constructor(
    @Inject(ApplicationAnswers) private readonly answers: ApplicationAnswers,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
  ) {}

  async execute(command: WithdrawApplicationCommand): Promise<ApplicationModel> {
    const outcome = await this.runner.run({
      applicationId: command.applicationId,
      type: 'WithdrawApplication',
      expectedRevision: command.expectedRevision,
      metadata: commandMetadata(command.account),
      command: () => ({
        type: 'WithdrawApplication',
        data: { actor: actorOf(command.account), reason: command.reason },
      }),
    });
    return this.answers.after(outcome);
  }
}
