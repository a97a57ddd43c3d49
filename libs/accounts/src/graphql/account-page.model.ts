import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AccountModel } from './account.model';

@ObjectType('AccountPage')
export class AccountPageModel {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  offset!: number;

  @Field(() => [AccountModel])
  items!: AccountModel[];
}
