import type { DataSource, FindOptionsWhere } from 'typeorm';
import { IsNull, Not } from 'typeorm';
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
    const status = Not('DELETED' as const);
    const row = await this.rows().findOneBy(
      this.named(userId).map((where) => ({ ...where, status })),
    );
    return row ? this.view(row) : null;
  }

  /** The user ID of an account while it has one (null once deleted, ACC-7, or never known). */
  async userIdOf(id: string): Promise<string | null> {
    const row = await this.rows().findOne({ where: { id }, select: { id: true, userId: true } });
    if (!row || row.userId === null) return null;
    return this.cipher.openUserId(row.userId);
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
    const [rows, total] = await this.rows().findAndCount({
      where: userId ? this.named(userId) : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
    return { total, offset, items: await Promise.all(rows.map((row) => this.view(row))) };
  }

  private rows() {
    return this.dataSource.getRepository(AccountRowEntity);
  }

  /**
   * Issue 11 §5: rows are found by the keyed HMAC of the ID; rows projected from events recorded
   * before it have none and hold the ID in the clear.
   */
  private named(userId: string): FindOptionsWhere<AccountRow>[] {
    return [{ userIdHmac: this.cipher.userIdHmac(userId) }, { userIdHmac: IsNull(), userId }];
  }

  private async view(row: AccountRow): Promise<AccountView> {
    const [userId, email, name, phone] = await Promise.all([
      this.cipher.openUserId(row.userId),
      this.cipher.decrypt(row.email),
      this.cipher.decrypt(row.name),
      this.cipher.decrypt(row.phone),
    ]);
    return {
      id: row.id,
      userId,
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
