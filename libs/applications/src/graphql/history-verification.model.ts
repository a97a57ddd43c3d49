import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Whether an application's stored events still chain hash to hash. */
@ObjectType('HistoryVerification')
export class HistoryVerificationModel {
  @Field(() => Boolean)
  intact!: boolean;

  @Field(() => Int)
  events!: number;

  @Field(() => Int, { nullable: true })
  firstBrokenRevision!: number | null;
}
