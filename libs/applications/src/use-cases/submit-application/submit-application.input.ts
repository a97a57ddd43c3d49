import { Field, InputType } from '@nestjs/graphql';
import { CalendarDateScalar } from '@app/event-sourcing';
import type { ApplicationKind } from '../../domain/application.event';
import { ApplicantInfoInput } from '../../graphql/applicant-info.input';
import { ApplicationKindEnum } from '../../graphql/application-enums';
import { CustomerInfoInput } from '../../graphql/customer-info.input';
import { MeteringPointInput } from '../../graphql/metering-point.input';
import type { SubmissionInput } from '../../input/application-input';

@InputType('SubmitApplicationInput')
export class SubmitApplicationInput implements SubmissionInput {
  @Field(() => ApplicationKindEnum)
  kind!: ApplicationKind;

  @Field(() => CustomerInfoInput)
  customer!: CustomerInfoInput;

  @Field(() => ApplicantInfoInput)
  applicant!: ApplicantInfoInput;

  @Field(() => [MeteringPointInput])
  meteringPoints!: MeteringPointInput[];

  @Field(() => CalendarDateScalar)
  desiredStartDate!: string;

  /** APP-2. */
  @Field(() => Boolean)
  consentConfirmed!: boolean;

  /** APP-2: the version the applicant was shown; a stale one is CONFLICT. */
  @Field(() => String, { nullable: true })
  termsVersion?: string | null;
}
