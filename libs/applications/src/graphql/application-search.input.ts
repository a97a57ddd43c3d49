import { Field, InputType, Int } from '@nestjs/graphql';
import { CalendarDateScalar } from '@app/event-sourcing';
import type { ApplicationKind, ApplicationStatus } from '../domain/application.event';
import { ApplicationKindEnum, ApplicationStatusEnum } from './application-enums';

/** APP-10: any one or more criteria; days are calendar days in Japan, both ends included. */
@InputType('ApplicationSearchInput')
export class ApplicationSearchInput {
  @Field(() => Int, { nullable: true })
  applicationId?: number | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  registeredFrom?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  registeredTo?: string | null;

  /** Partial; width-, case- and kana-insensitive. */
  @Field(() => String, { nullable: true })
  customerName?: string | null;

  @Field(() => ApplicationStatusEnum, { nullable: true })
  status?: ApplicationStatus | null;

  @Field(() => ApplicationKindEnum, { nullable: true })
  kind?: ApplicationKind | null;

  /** OPS-1: not updated for at least this many days, e.g. RETURNED ones left uncorrected. */
  @Field(() => Int, { nullable: true })
  untouchedForDays?: number | null;
}
