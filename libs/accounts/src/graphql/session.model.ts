import { Field, ObjectType } from '@nestjs/graphql';
import { AccountModel } from './account.model';

@ObjectType('Session')
export class SessionModel {
  @Field(() => String)
  accessToken!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => AccountModel)
  account!: AccountModel;
}
