import { Field, ObjectType } from '@nestjs/graphql';
import { MeteringPointKindEnum } from '@app/metering';
import type { MeteringPointKind } from '../domain/application.event';

@ObjectType('ApplicationMeteringPoint')
export class ApplicationMeteringPointModel {
  @Field(() => MeteringPointKindEnum)
  kind!: MeteringPointKind;

  /** 22 digits, no hyphens (APP-5). */
  @Field(() => String)
  pointId!: string;

  @Field(() => Boolean)
  unissued!: boolean;

  /** Normalised, e.g. F146832 (APP-6). */
  @Field(() => String)
  meterId!: string;
}
