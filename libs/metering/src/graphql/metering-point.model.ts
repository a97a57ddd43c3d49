import { Field, ObjectType } from '@nestjs/graphql';
import type { BRouteState, MeteringPointKind, TerminalType } from '../domain/metering-point.event';
import { BRouteStateEnum, MeteringPointKindEnum, TerminalTypeEnum } from './metering-enums';

/** The contract's `MeteringPoint` (MTR-1). */
@ObjectType('MeteringPoint')
export class MeteringPointModel {
  @Field(() => String)
  pointId!: string;

  @Field(() => MeteringPointKindEnum)
  kind!: MeteringPointKind;

  @Field(() => String, { nullable: true })
  meterId!: string | null;

  @Field(() => TerminalTypeEnum)
  terminalType!: TerminalType;

  @Field(() => Boolean)
  island!: boolean;

  @Field(() => BRouteStateEnum)
  bRouteState!: BRouteState;
}
