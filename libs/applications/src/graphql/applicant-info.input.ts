import { Field, InputType } from '@nestjs/graphql';
import type { ApplicantInfo } from '../domain/contact-info-rules';

@InputType('ApplicantInfoInput')
export class ApplicantInfoInput implements ApplicantInfo {
  @Field(() => String)
  company!: string;

  @Field(() => String)
  department!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  phone1!: string;

  @Field(() => String, { nullable: true })
  phone2?: string | null;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  fax?: string | null;
}
