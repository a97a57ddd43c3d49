import { Field, InputType, Int } from '@nestjs/graphql';
import type { IssuedPointInputValue } from '../input/application-input.rules';

/** OPS-4: the issued 22-digit ID replacing the unissued one at `index`. */
@InputType('IssuedPointInput')
export class IssuedPointInput implements IssuedPointInputValue {
  /** Position in the application's meteringPoints. */
  @Field(() => Int)
  index!: number;

  @Field(() => String)
  pointId!: string;
}
