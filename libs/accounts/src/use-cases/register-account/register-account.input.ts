import { Field, InputType } from '@nestjs/graphql';
import type { RegistrationInput } from '../../domain/account-input-rules';

@InputType('RegisterAccountInput')
export class RegisterAccountInput implements RegistrationInput {
  @Field(() => String)
  userId!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  phone!: string;
}
