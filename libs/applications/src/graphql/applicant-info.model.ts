import { Field, ObjectType } from '@nestjs/graphql';

/** 申込者のご連絡先情報, decrypted. */
@ObjectType('ApplicantInfo')
export class ApplicantInfoModel {
  @Field(() => String)
  company!: string;

  @Field(() => String)
  department!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  phone1!: string;

  @Field(() => String, { nullable: true })
  phone2!: string | null;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  fax!: string | null;
}
