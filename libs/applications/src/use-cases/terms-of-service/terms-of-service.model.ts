import { Field, ObjectType } from '@nestjs/graphql';

/** APP-2: the terms a submission's consent refers to. */
@ObjectType('TermsOfService')
export class TermsOfServiceModel {
  @Field(() => String)
  version!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;
}
