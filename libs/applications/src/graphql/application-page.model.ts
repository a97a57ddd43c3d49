import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationModel } from './application.model';

/** APP-10: one page of a search, with what "x–y of N" needs. */
@ObjectType('ApplicationPage')
export class ApplicationPageModel {
  @Field(() => Int)
  total!: number;

  /** More than `total` match: counting stopped at 1,000 or at the page's end (「1,000件以上」). */
  @Field(() => Boolean)
  totalCapped!: boolean;

  @Field(() => Int)
  offset!: number;

  @Field(() => Int)
  limit!: number;

  @Field(() => [ApplicationModel])
  items!: ApplicationModel[];
}
