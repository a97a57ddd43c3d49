import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationModel } from './application.model';

/** APP-10: one page of a search, with what "x–y of N" needs. */
@ObjectType('ApplicationPage')
export class ApplicationPageModel {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  offset!: number;

  @Field(() => Int)
  limit!: number;

  @Field(() => [ApplicationModel])
  items!: ApplicationModel[];
}
