import { Field, InputType } from '@nestjs/graphql';
import type { CustomerInfo } from '../domain/contact-info-rules';

@InputType('CustomerInfoInput')
export class CustomerInfoInput implements CustomerInfo {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  department!: string;

  @Field(() => String)
  contactName!: string;

  @Field(() => String)
  phone!: string;
}
