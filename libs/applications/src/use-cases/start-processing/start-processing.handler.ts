import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { StatusActs } from '../status-acts';
import { StartProcessingCommand } from './start-processing.command';

@CommandHandler(StartProcessingCommand)
export class StartProcessingHandler implements ICommandHandler<StartProcessingCommand> {
  constructor(@Inject(StatusActs) private readonly acts: StatusActs) {}

  execute(command: StartProcessingCommand): Promise<ApplicationModel> {
    return this.acts.act(command, 'StartProcessing', (actor) => ({
      type: 'StartProcessing',
      data: { actor },
    }));
  }
}
