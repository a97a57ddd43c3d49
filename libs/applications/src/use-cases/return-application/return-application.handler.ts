import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { StatusActs } from '../status-acts';
import { ReturnApplicationCommand } from './return-application.command';

@CommandHandler(ReturnApplicationCommand)
export class ReturnApplicationHandler implements ICommandHandler<ReturnApplicationCommand> {
  constructor(@Inject(StatusActs) private readonly acts: StatusActs) {}

  execute(command: ReturnApplicationCommand): Promise<ApplicationModel> {
    return this.acts.act(command, 'ReturnApplication', (actor) => ({
      type: 'ReturnApplication',
      data: { actor, reason: command.reason },
    }));
  }
}
