import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadata, domainErrorOf } from '@app/event-sourcing';
import {
  HOLIDAY_CALENDAR,
  TERMS_OF_SERVICE,
  type TermsOfService,
} from '../../application-providers';
import type { HolidayCalendar } from '../../domain/holiday-calendar';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationCipher } from '../../infrastructure/application-cipher';
import type { ApplicationCommand } from '../../domain/application.command';
import { ApplicationCommandRunner } from '../../infrastructure/application-command-runner';
import { ApplicationIds } from '../../infrastructure/application-ids';
import { PointEligibility } from '../../infrastructure/point-eligibility.service';
import { checkSubmission } from '../../input/application-input.rules';
import { ApplicationAnswers } from '../application-answers';
import { actorOf } from '../application-use-case';
import { SubmitApplicationCommand } from './submit-application.command';

/** Validate, check the registry (APP-8), take a 申込ID, seal, claim the points, append. */
@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand> {
  constructor(
    @Inject(ApplicationIds) private readonly ids: ApplicationIds,
    @Inject(ApplicationCipher) private readonly cipher: ApplicationCipher,
    @Inject(ApplicationAnswers) private readonly answers: ApplicationAnswers,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(PointEligibility) private readonly eligibility: PointEligibility,
    @Inject(HOLIDAY_CALENDAR) private readonly calendar: HolidayCalendar,
    @Inject(TERMS_OF_SERVICE) private readonly terms: TermsOfService,
  ) {}

  async execute({ account, input }: SubmitApplicationCommand): Promise<ApplicationModel> {
    let command: ApplicationCommand | undefined;
    const outcome = await this.runner.run({
      // Once, at the command's one `now`: APP-7 counts from the same day as `submittedAt`.
      applicationId: async (now, scope) => {
        const checked = checkSubmission(input, now, this.calendar);
        if (!checked.ok) throw domainErrorOf(checked.error);
        const valid = checked.value;
        await this.eligibility.check(
          valid.kind,
          valid.meteringPoints.map((point, index) => ({ point, index })),
          scope,
        );
        const applicationId = await this.ids.next();
        command = {
          type: 'SubmitApplication',
          data: {
            actor: actorOf(account),
            applicationId,
            kind: valid.kind,
            customer: await this.cipher.sealCustomer(applicationId, valid.customer),
            applicant: await this.cipher.sealApplicant(applicationId, valid.applicant),
            meteringPoints: valid.meteringPoints,
            desiredStartDate: valid.desiredStartDate,
            warnings: valid.warnings,
            consentConfirmed: input.consentConfirmed,
            termsVersion: input.termsVersion?.trim() || null,
            currentTermsVersion: this.terms.version,
          },
        };
        return applicationId;
      },
      type: 'SubmitApplication',
      expectedRevision: null,
      metadata: commandMetadata(actorOf(account)),
      command: () => {
        if (!command) throw new Error('submission opened without its command');
        return command;
      },
    });
    return this.answers.after(outcome);
  }
}
