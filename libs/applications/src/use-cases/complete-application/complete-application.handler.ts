import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { StatusActs } from '../status-acts';
import { CompleteApplicationCommand } from './complete-application.command';

@CommandHandler(CompleteApplicationCommand)
export class CompleteApplicationHandler implements ICommandHandler<CompleteApplicationCommand> {
  constructor(@Inject(StatusActs) private readonly acts: StatusActs) {}

  execute(command: CompleteApplicationCommand): Promise<ApplicationModel> {
    return this.acts.act(command, (actor) => ({ type: 'CompleteApplication', data: { actor } }));
  }
}
