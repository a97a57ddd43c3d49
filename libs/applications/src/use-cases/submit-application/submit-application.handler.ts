import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  APPLICATION_CLOCK,
  HOLIDAY_CALENDAR,
  TERMS_OF_SERVICE,
  type ApplicationClock,
  type TermsOfService,
} from '../../application-providers';
import type { HolidayCalendar } from '../../domain/holiday-calendar';
import type { ApplicationModel } from '../../graphql/application.model';
import { ApplicationCipher } from '../../infrastructure/application-cipher';
import {
  ApplicationCommandRunner,
  domainError,
} from '../../infrastructure/application-command-runner';
import { ApplicationIds } from '../../infrastructure/application-ids';
import { PointEligibility } from '../../infrastructure/point-eligibility.service';
import { checkSubmission } from '../../input/application-input.rules';
import { ApplicationAnswers } from '../application-answers';
import { actorOf, commandMetadata } from '../application-use-case';
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
    @Inject(APPLICATION_CLOCK) private readonly clock: ApplicationClock,
    @Inject(HOLIDAY_CALENDAR) private readonly calendar: HolidayCalendar,
    @Inject(TERMS_OF_SERVICE) private readonly terms: TermsOfService,
  ) {}

  async execute({ account, input }: SubmitApplicationCommand): Promise<ApplicationModel> {
    const checked = checkSubmission(input, this.clock(), this.calendar);
    if (!checked.ok) throw domainError(checked.error);
    const valid = checked.value;
    await this.eligibility.check(
      valid.kind,
      valid.meteringPoints.map((point, index) => ({ point, index })),
    );
    const applicationId = await this.ids.next();
    const customer = await this.cipher.sealCustomer(applicationId, valid.customer);
    const applicant = await this.cipher.sealApplicant(applicationId, valid.applicant);
    const outcome = await this.runner.run({
      applicationId,
      type: 'SubmitApplication',
      expectedRevision: null,
      metadata: commandMetadata(account),
      command: () => ({
        type: 'SubmitApplication',
        data: {
          actor: actorOf(account),
          applicationId,
          kind: valid.kind,
          customer,
          applicant,
          meteringPoints: valid.meteringPoints,
          desiredStartDate: valid.desiredStartDate,
          warnings: valid.warnings,
          consentConfirmed: input.consentConfirmed,
          termsVersion: input.termsVersion?.trim() || null,
          currentTermsVersion: this.terms.version,
        },
      }),
    });
    return this.answers.after(outcome);
  }
}
