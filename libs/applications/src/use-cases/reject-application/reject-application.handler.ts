import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { StatusActs } from '../status-acts';
import { RejectApplicationCommand } from './reject-application.command';

@CommandHandler(RejectApplicationCommand)
export class RejectApplicationHandler implements ICommandHandler<RejectApplicationCommand> {
  constructor(@Inject(StatusActs) private readonly acts: StatusActs) {}

  execute(command: RejectApplicationCommand): Promise<ApplicationModel> {
    return this.acts.act(command, 'RejectApplication', (actor) => ({
      type: 'RejectApplication',
      data: { actor, reason: command.reason },
    }));
  }
}
