import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role, type AccountRole } from '@app/accounts';
import { JsonScalar } from '@app/event-sourcing';

/** One stored event of an application's stream, as the auditor replays it. */
@ObjectType('ApplicationEvent')
export class ApplicationEventModel {
  @Field(() => Int)
  revision!: number;

  /** Global position in the event store; a string, since it is a bigint. */
  @Field(() => String)
  position!: string;

  @Field(() => String)
  type!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => Role, { nullable: true })
  actorRole!: AccountRole | null;

  /** Personal fields decrypted, or `（消去済み）` once erased. */
  @Field(() => JsonScalar)
  data!: Record<string, unknown>;

  /** Chains this event to the one before it. */
  @Field(() => String)
  hash!: string;
}
