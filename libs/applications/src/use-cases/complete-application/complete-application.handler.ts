import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationModel } from '../../graphql/application.model';
import { domainErrorOf } from '@app/event-sourcing';
import { checkIssuedPoints } from '../../input/application-input.rules';
import { StatusActs } from '../status-acts';
import { CompleteApplicationCommand } from './complete-application.command';

@CommandHandler(CompleteApplicationCommand)
export class CompleteApplicationHandler implements ICommandHandler<CompleteApplicationCommand> {
  constructor(@Inject(StatusActs) private readonly acts: StatusActs) {}

  execute(command: CompleteApplicationCommand): Promise<ApplicationModel> {
    return this.acts.act(command, 'CompleteApplication', (actor) => {
      // Access was granted already: the operator may see what is wrong with the input.
      const issued = checkIssuedPoints(command.issuedPoints);
      if (!issued.ok) throw domainErrorOf(issued.error);
      return { type: 'CompleteApplication', data: { actor, issuedPoints: issued.value } };
    });
  }
}
