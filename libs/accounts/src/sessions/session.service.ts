import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { accessRefusal, mustEnrolSecondFactor } from '../domain/access';
import type { AccountRole } from '../domain/account.event';
import type { Active } from '../domain/account.state';
import { SESSION_LIFETIME_MS } from '../domain/session-policy';

/** Who a live session speaks for. */
export interface SessionAccount {
  readonly accountId: string;
  readonly role: AccountRole;
  /** ACC-5: the session was opened with an initial password. */
  readonly mustChangePassword: boolean;
  /** ACC-9: a staff session whose account has no second factor yet. */
  readonly mfaEnrolmentRequired: boolean;
}

export interface IssuedSession {
  readonly accessToken: string;
  readonly expiresAt: Date;
}

// 32 bytes from the CSPRNG: 256 bits, as 43 base64url characters.
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

interface SessionRow {
  account_id: string;
  role: AccountRole;
  must_change_password: boolean;
  mfa_enrolment_required: boolean;
}

/**
 * Issues, checks and ends bearer sessions. Time is passed in, like every decision's. Tokens are
 * looked up by their hash: the database compares digests, so its timing says nothing about how
 * much of a guessed token was right.
 */
export class SessionService {
  private readonly table: string;
  private readonly stamps: string;

  constructor(private readonly dataSource: DataSource) {
    const options = dataSource.options as { schema?: string };
    this.table = `"${options.schema ?? 'public'}".sessions`;
    this.stamps = `"${options.schema ?? 'public'}".session_stamps`;
  }

  /**
   * `securityStamp`: the account-stream revision the login was decided at; a session is dead once
   * an act that ends sessions is recorded at a later revision (`revokeAll`).
   */
  async issue(
    account: Active,
    now: Date,
    clientAddress: string,
    securityStamp = 0,
  ): Promise<IssuedSession> {
    const refusal = accessRefusal(account);
    if (refusal && refusal.code !== 'PASSWORD_CHANGE_REQUIRED') {
      throw new Error(`no session for this account: ${refusal.reason}`);
    }
    const accessToken = randomBytes(TOKEN_BYTES).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await this.dataSource.query(
      `INSERT INTO ${this.table}
         (token_hash, account_id, role, must_change_password, created_at, expires_at, client_address,
          security_stamp, mfa_enrolment_required)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        hashOf(accessToken),
        account.accountId,
        account.role,
        account.mustChangePassword,
        now,
        expiresAt,
        clientAddress,
        securityStamp,
        mustEnrolSecondFactor(account),
      ],
    );
    return { accessToken, expiresAt };
  }

  /** The live session's account, or null when the token is unknown, expired or revoked. */
  async authenticate(token: string, now: Date): Promise<SessionAccount | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.account_id, s.role, s.must_change_password, s.mfa_enrolment_required FROM ${this.table} s
       LEFT JOIN ${this.stamps} st ON st.account_id = s.account_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
         AND s.security_stamp > COALESCE(st.stamp, -1)`,
      [hashOf(token), now],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      accountId: row.account_id,
      role: row.role,
      mustChangePassword: row.must_change_password,
      mfaEnrolmentRequired: row.mfa_enrolment_required,
    };
  }

  /** ACC-9: the factor is on, so the account's sessions are no longer held to enrolling it. */
  async secondFactorEnrolled(accountId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET mfa_enrolment_required = false WHERE account_id = $1`,
      [accountId],
    );
  }

  /** Logout: ends this session only. */
  async revoke(token: string, now: Date): Promise<void> {
    if (!TOKEN_SHAPE.test(token)) return;
    await this.dataSource.query(
      `UPDATE ${this.table} SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`,
      [hashOf(token), now],
    );
  }

  /** A password change, a lock, a reset or a deletion ends every session of the account at once. */
  async revokeAll(accountId: string, now: Date, securityStamp?: number): Promise<void> {
    if (securityStamp !== undefined) {
      await this.dataSource.query(
        `INSERT INTO ${this.stamps} AS st (account_id, stamp) VALUES ($1, $2)
         ON CONFLICT (account_id) DO UPDATE SET stamp = GREATEST(st.stamp, EXCLUDED.stamp)`,
        [accountId, securityStamp],
      );
    }
    await this.dataSource.query(
      `UPDATE ${this.table} SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`,
      [accountId, now],
    );
  }

  /** Expired and revoked sessions past their lifetime: gone from the table; returns how many. */
  async purgeExpired(now: Date): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE expires_at <= $1`,
      [now],
    );
    return deleted;
  }
}
