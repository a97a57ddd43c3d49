import { Field, InputType } from '@nestjs/graphql';
import type { TerminalType } from '../../domain/metering-point.event';
import { TerminalTypeEnum } from '../../graphql/metering-enums';

@InputType('MeteringPointRecordInput')
export class MeteringPointRecordInput {
  @Field(() => String)
  pointId!: string;

  /** Absent or blank keeps the meter ID the registry knows. */
  @Field(() => String, { nullable: true })
  meterId?: string | null;

  @Field(() => TerminalTypeEnum)
  terminalType!: TerminalType;

  @Field(() => Boolean)
  island!: boolean;
}
