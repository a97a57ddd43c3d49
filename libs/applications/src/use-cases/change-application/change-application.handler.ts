import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadata, domainErrorOf } from '@app/event-sourcing';
import { HOLIDAY_CALENDAR } from '../../application-providers';
import type { ApplicationChanges } from '../../domain/application.command';
import type { ApplicationState } from '../../domain/application.state';
import type { HolidayCalendar } from '../../domain/holiday-calendar';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationCipher } from '../../infrastructure/application-cipher';
import { ApplicationCommandRunner } from '../../infrastructure/application-command-runner';
import { PointEligibility } from '../../infrastructure/point-eligibility.service';
import { checkChanges } from '../../input/application-input.rules';
import { ApplicationAnswers } from '../application-answers';
import { actorOf } from '../application-use-case';
import { ChangeApplicationCommand } from './change-application.command';

@CommandHandler(ChangeApplicationCommand)
export class ChangeApplicationHandler implements ICommandHandler<ChangeApplicationCommand> {
  constructor(
    @Inject(ApplicationCipher) private readonly cipher: ApplicationCipher,
    @Inject(ApplicationAnswers) private readonly answers: ApplicationAnswers,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(PointEligibility) private readonly eligibility: PointEligibility,
    @Inject(HOLIDAY_CALENDAR) private readonly calendar: HolidayCalendar,
  ) {}

  async execute(command: ChangeApplicationCommand): Promise<ApplicationModel> {
    const { account, applicationId, expectedRevision, input } = command;
    const outcome = await this.runner.run({
      applicationId,
      type: 'ChangeApplication',
      expectedRevision,
      metadata: commandMetadata(actorOf(account)),
      command: async (state, now) => ({
        type: 'ChangeApplication',
        data: {
          actor: actorOf(account),
          changes: await this.changes(applicationId, state, input, now),
        },
      }),
    });
    return this.answers.after(outcome);
  }

  // Access was granted on this state already, so the input's problems are the owner's to see.
  private async changes(
    applicationId: number,
    state: ApplicationState,
    input: ChangeApplicationCommand['input'],
    now: Date,
  ): Promise<ApplicationChanges> {
    // Nothing to check where no change is allowed: the decision refuses it (OPS-2).
    if (state.status !== 'RECEIVED' && state.status !== 'RETURNED') return {};
    const checked = checkChanges(input, state, now, this.calendar);
    if (!checked.ok) throw domainErrorOf(checked.error);
    const valid = checked.value;
    if (valid.meteringPoints) {
      const held = new Set(state.meteringPoints.map((point) => point.pointId));
      // APP-8 / OPS-4 for the points this change adds; the others were checked when they came.
      await this.eligibility.check(
        state.kind,
        valid.meteringPoints
          .map((point, index) => ({ point, index }))
          .filter(({ point }) => !held.has(point.pointId)),
      );
    }
    return {
      ...(valid.customer && {
        customer: await this.cipher.sealCustomer(applicationId, valid.customer),
      }),
      ...(valid.applicant && {
        applicant: await this.cipher.sealApplicant(applicationId, valid.applicant),
      }),
      ...(valid.meteringPoints && { meteringPoints: valid.meteringPoints }),
      ...(valid.desiredStartDate && { desiredStartDate: valid.desiredStartDate }),
      ...(valid.warnings && { warnings: valid.warnings }),
    };
  }
}
