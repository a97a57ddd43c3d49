import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '@app/event-sourcing';
import type { ApplicationKind, ApplicationStatus } from '../domain/application.event';
import { ApplicantInfoModel } from './applicant-info.model';
import { ApplicationKindEnum, ApplicationStatusEnum } from './application-enums';
import { ApplicationMeteringPointModel } from './application-metering-point.model';
import { CustomerInfoModel } from './customer-info.model';

/** The contract's `Application`: personal fields decrypted, `revision` for the next change. */
@ObjectType('Application')
export class ApplicationModel {
  /** 申込ID. */
  @Field(() => Int)
  id!: number;

  @Field(() => ApplicationKindEnum)
  kind!: ApplicationKind;

  @Field(() => ApplicationStatusEnum)
  status!: ApplicationStatus;

  /** 申込登録日. */
  @Field(() => Date)
  registeredAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => CalendarDateScalar)
  desiredStartDate!: string;

  @Field(() => CustomerInfoModel)
  customer!: CustomerInfoModel;

  @Field(() => ApplicantInfoModel)
  applicant!: ApplicantInfoModel;

  @Field(() => [ApplicationMeteringPointModel])
  meteringPoints!: ApplicationMeteringPointModel[];

  @Field(() => String, { nullable: true })
  statusReason!: string | null;

  /** e.g. the APP-7 holiday warning, in Japanese. */
  @Field(() => [String])
  warnings!: string[];

  /** APP-2: the terms consented to; null only for applications older than the field. */
  @Field(() => String, { nullable: true })
  termsVersion!: string | null;

  /** The stream revision; pass it back as `expectedRevision`. */
  @Field(() => Int)
  revision!: number;
}
