import type { DataSource, FindOptionsWhere } from 'typeorm';
import { Not } from 'typeorm';
import type { AccountRole } from '../domain/account.event';
import { userIdProblems } from '../domain/account-input-rules';
import type { AccountContactCipher } from '../infrastructure/account-contact-cipher';
import {
  AccountRowEntity,
  type AccountRow,
  type AccountRowStatus,
} from '../projections/account-row.entity';
import { AccountVerificationLinkEntity } from '../projections/account-verification-link.entity';

/** The contract's `Account`, with contact fields decrypted (or erased, ACC-7). */
export interface AccountView {
  readonly id: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly phone: string;
  readonly role: AccountRole;
  readonly status: AccountRowStatus;
  readonly mustChangePassword: boolean;
  readonly mfaEnabled: boolean;
  readonly createdAt: Date;
  readonly lastLoginAt: Date | null;
  readonly deletedAt: Date | null;
}

export interface AccountPage {
  readonly total: number;
  readonly offset: number;
  readonly items: readonly AccountView[];
}

export interface AccountPageRequest {
  readonly offset: number;
  readonly limit: number;
  readonly userId?: string | null;
}

/** Reads the `accounts` read model only; decrypts outside any projection transaction. */
export class AccountsReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: AccountContactCipher,
  ) {}

  async byId(id: string): Promise<AccountView | null> {
    const row = await this.rows().findOneBy({ id });
    return row ? this.view(row) : null;
  }

  /** The account that holds the user ID now; deleted accounts no longer hold theirs (ACC-7). */
  async byUserId(userId: string): Promise<AccountView | null> {
    if (!couldBeHeld(userId)) return null;
    const row = await this.rows().findOneBy({ userId, status: Not('DELETED') });
    return row ? this.view(row) : null;
  }

  /** ACC-2: the account a verification link was mailed to, by the token's hash, even once void. */
  async idByVerificationTokenHash(verificationTokenHash: string): Promise<string | null> {
    const link = await this.dataSource
      .getRepository(AccountVerificationLinkEntity)
      .findOneBy({ tokenHash: verificationTokenHash });
    return link?.accountId ?? null;
  }

  async page({ offset, limit, userId }: AccountPageRequest): Promise<AccountPage> {
    if (userId && !couldBeHeld(userId)) return { total: 0, offset, items: [] };
    const where: FindOptionsWhere<AccountRow> = userId ? { userId } : {};
    const [rows, total] = await this.rows().findAndCount({
      where,
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
    return { total, offset, items: await Promise.all(rows.map((row) => this.view(row))) };
  }

  private rows() {
    return this.dataSource.getRepository(AccountRowEntity);
  }

  private async view(row: AccountRow): Promise<AccountView> {
    const [email, name, phone] = await Promise.all([
      this.cipher.decrypt(row.email),
      this.cipher.decrypt(row.name),
      this.cipher.decrypt(row.phone),
    ]);
    return {
      id: row.id,
      userId: row.userId,
      email,
      name,
      phone,
      role: row.role,
      status: row.status,
      mustChangePassword: row.mustChangePassword,
      mfaEnabled: row.mfaEnabled,
      createdAt: row.createdAt,
      lastLoginAt: row.lastLoginAt,
      deletedAt: row.deletedAt,
    };
  }
}

/**
 * Every stored user ID passed ACC-3, so one that breaks it names no account, and is not sent to
 * the database at all: PostgreSQL refuses a NUL in a text parameter outright.
 */
function couldBeHeld(userId: string): boolean {
  return userIdProblems(userId).length === 0;
}
