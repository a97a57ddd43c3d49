import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { StatusActs } from '../status-acts';
import { WithdrawApplicationCommand } from './withdraw-application.command';

@CommandHandler(WithdrawApplicationCommand)
export class WithdrawApplicationHandler implements ICommandHandler<WithdrawApplicationCommand> {
  constructor(@Inject(StatusActs) private readonly acts: StatusActs) {}

  execute(command: WithdrawApplicationCommand): Promise<ApplicationModel> {
    return this.acts.act(command, 'WithdrawApplication', (actor) => ({
      type: 'WithdrawApplication',
      data: { actor, reason: command.reason },
    }));
  }
}
