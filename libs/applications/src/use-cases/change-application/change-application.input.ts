import { Field, InputType } from '@nestjs/graphql';
import { CalendarDateScalar } from '@app/event-sourcing';
import { ApplicantInfoInput } from '../../graphql/applicant-info.input';
import { CustomerInfoInput } from '../../graphql/customer-info.input';
import { MeteringPointInput } from '../../graphql/metering-point.input';
import type { ChangeInput } from '../../input/application-input';

/** OPS-2: only the sections given change; each is replaced as a whole. */
@InputType('ChangeApplicationInput')
export class ChangeApplicationInput implements ChangeInput {
  @Field(() => CustomerInfoInput, { nullable: true })
  customer?: CustomerInfoInput | null;

  @Field(() => ApplicantInfoInput, { nullable: true })
  applicant?: ApplicantInfoInput | null;

  @Field(() => [MeteringPointInput], { nullable: true })
  meteringPoints?: MeteringPointInput[] | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  desiredStartDate?: string | null;
}
