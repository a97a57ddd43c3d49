import { Field, InputType } from '@nestjs/graphql';
import type { ContactInput } from '../../domain/account-input-rules';

/** ACC-6: an absent or null field stays as it is; there is no user ID field to change. */
@InputType('AccountContactInput')
export class AccountContactInput implements ContactInput {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}
