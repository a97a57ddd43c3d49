import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '@app/event-sourcing';
import type { AccountRole } from '../domain/account.event';
import { Role } from './account.model';

/** The contract's `SecurityEvent`: one line of the security log (ASVS 16). */
@ObjectType('SecurityEvent')
export class SecurityEventModel {
  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => String)
  type!: string;

  @Field(() => String, { nullable: true })
  userId!: string | null;

  @Field(() => Role, { nullable: true })
  role!: AccountRole | null;

  @Field(() => String, { nullable: true })
  clientAddress!: string | null;

  @Field(() => JsonScalar, { nullable: true })
  detail!: unknown;
}

@ObjectType('SecurityEventPage')
export class SecurityEventPageModel {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  offset!: number;

  @Field(() => [SecurityEventModel])
  items!: SecurityEventModel[];
}
