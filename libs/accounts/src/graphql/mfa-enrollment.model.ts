import { Field, ObjectType } from '@nestjs/graphql';

/** ACC-9: what the authenticator app needs, shown once to the holder. */
@ObjectType('MfaEnrollment')
export class MfaEnrollmentModel {
  @Field(() => String)
  secret!: string;

  @Field(() => String)
  otpauthUri!: string;
}
