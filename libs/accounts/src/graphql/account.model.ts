import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AccountRole } from '../domain/account.event';
import type { AccountRowStatus } from '../projections/account-row.entity';

export const Role = {
  CUSTOMER: 'CUSTOMER',
  OPERATOR: 'OPERATOR',
  AUDITOR: 'AUDITOR',
} as const satisfies Record<AccountRole, AccountRole>;

const AccountStatus = {
  PENDING_VERIFICATION: 'PENDING_VERIFICATION',
  ACTIVE: 'ACTIVE',
  LOCKED: 'LOCKED',
  DELETED: 'DELETED',
} as const satisfies Record<AccountRowStatus, AccountRowStatus>;

registerEnumType(Role, { name: 'Role' });
registerEnumType(AccountStatus, { name: 'AccountStatus' });

/** The contract's `Account`, as `AccountsReader` reads it. */
@ObjectType('Account')
export class AccountModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  userId!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  phone!: string;

  @Field(() => Role)
  role!: AccountRole;

  @Field(() => AccountStatus)
  status!: AccountRowStatus;

  @Field(() => Boolean)
  mustChangePassword!: boolean;

  /** ACC-9 */
  @Field(() => Boolean)
  mfaEnabled!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastLoginAt!: Date | null;
}
