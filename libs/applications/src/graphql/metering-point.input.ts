import { Field, InputType } from '@nestjs/graphql';
import type { MeteringPointInputValue } from '../input/application-input';

/** APP-5 and APP-6: hyphens and full-width digits are accepted and normalised. */
@InputType('MeteringPointInput')
export class MeteringPointInput implements MeteringPointInputValue {
  @Field(() => String)
  pointId!: string;

  /** 7 characters, or … */
  @Field(() => String, { nullable: true })
  meterId?: string | null;

  /** … the plate's 6-digit No., with … */
  @Field(() => String, { nullable: true })
  meterNumber?: string | null;

  /** … the plate's input format name (APP-6). */
  @Field(() => String, { nullable: true })
  inputFormatName?: string | null;
}
