import { Field, ObjectType } from '@nestjs/graphql';

/** お客さま情報, decrypted. */
@ObjectType('CustomerInfo')
export class CustomerInfoModel {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  department!: string;

  @Field(() => String)
  contactName!: string;

  @Field(() => String)
  phone!: string;
}
