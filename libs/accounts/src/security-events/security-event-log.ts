import { Logger } from '@nestjs/common';
import { PII_ERASED } from '@app/event-sourcing';
import type { DataSource } from 'typeorm';
import type { SessionClock } from '../auth/session-clock';
import type { AccountRole } from '../domain/account.event';

export const DEFAULT_SECURITY_EVENTS_RETENTION_DAYS = 365;
const MAX_RECORDED_USER_ID = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The kinds of security event (ASVS 16), as `securityEvents` answers them in `type`. */
export type SecurityEventType =
  | 'LOGIN_FAILED'
  | 'LOGIN_THROTTLED'
  | 'ACCOUNT_LOCKED'
  | 'MFA_FAILED'
  | 'ACCESS_DENIED'
  | 'RATE_LIMITED'
  | 'LOGOUT'
  | 'STAFF_ACT';

/** Who an event is about: a user ID as typed (unknown ones too) or the account of a session. */
export type SecuritySubject =
  | { readonly userId: string; readonly role: AccountRole | null }
  | { readonly accountId: string; readonly role: AccountRole }
  | { readonly anonymous: true };

/** Only names and codes: never a password, code, token or personal data. */
export type SecurityDetail = Readonly<Record<string, string | number | boolean | null>>;

/**
 * Writes the security log (`security_events`), outside the event streams. A failed write is
 * logged and swallowed: the request it describes goes on (ASVS 16 asks for the record, not for
 * an outage when the record cannot be made). The clock is the accounts context's, so a spec
 * that moves time sees the events at its time.
 */
export class SecurityEventLog {
  private readonly logger = new Logger('SecurityEventLog');
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: SessionClock,
    /** The user ID of a session's account (the read model holds it sealed, issue 11 §5). */
    private readonly userIdOf: (accountId: string) => Promise<string | null>,
    private readonly retentionDays: number = DEFAULT_SECURITY_EVENTS_RETENTION_DAYS,
  ) {
    const options = dataSource.options as { schema?: string };
    this.table = `"${options.schema ?? 'public'}".security_events`;
  }

  /** A wrong password or an unknown user ID at login, or a login refused whatever the password. */
  loginFailed(subject: SecuritySubject, address: string, reason: string): Promise<void> {
    return this.record('LOGIN_FAILED', subject, address, { reason });
  }

  /** A login answered RATE_LIMITED before any password was checked. */
  loginThrottled(userId: string, address: string): Promise<void> {
    return this.record('LOGIN_THROTTLED', { userId, role: null }, address, null);
  }

  /** ACC-4: the failure that locked the account. */
  accountLocked(subject: SecuritySubject, address: string): Promise<void> {
    return this.record('ACCOUNT_LOCKED', subject, address, null);
  }

  /** ACC-9: a wrong or replayed TOTP or recovery code. */
  mfaFailed(subject: SecuritySubject, address: string, reason: string): Promise<void> {
    return this.record('MFA_FAILED', subject, address, { reason });
  }

  /** A request refused for who asked (UNAUTHENTICATED, FORBIDDEN, MFA_REQUIRED, …). */
  accessDenied(
    subject: SecuritySubject,
    address: string,
    detail: { readonly operation: string; readonly code: string },
  ): Promise<void> {
    return this.record('ACCESS_DENIED', subject, address, detail);
  }

  /** Any other operation answered RATE_LIMITED (registration, verifyEmail, changePassword). */
  rateLimited(subject: SecuritySubject, address: string, operation: string): Promise<void> {
    return this.record('RATE_LIMITED', subject, address, { operation });
  }

  loggedOut(subject: SecuritySubject, address: string): Promise<void> {
    return this.record('LOGOUT', subject, address, null);
  }

  /** A mutation run by an OPERATOR or AUDITOR session, with the identifiers it named. */
  staffAct(subject: SecuritySubject, address: string, detail: SecurityDetail) {
    return this.record('STAFF_ACT', subject, address, detail);
  }

  private async record(
    type: SecurityEventType,
    subject: SecuritySubject,
    address: string,
    detail: SecurityDetail | null,
  ): Promise<void> {
    const role = 'role' in subject ? subject.role : null;
    try {
      // A user ID as typed at login is the attacker's to choose: bounded, and storable as text.
      const userId =
        'userId' in subject
          ? storable(subject.userId)
          : 'accountId' in subject
            ? await this.userIdOf(subject.accountId)
            : null;
      await this.dataSource.query(
        `INSERT INTO ${this.table} (occurred_at, type, user_id, role, client_address, detail)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        [
          this.clock(),
          type,
          userId,
          role,
          address,
          detail === null ? null : JSON.stringify(detail),
        ],
      );
    } catch (error) {
      this.logger.error(
        `security event ${type} not recorded`,
        error instanceof Error ? error.stack : String(error),
      );
    }
  }

  /**
   * ACC-7 (issue 11 §5): once an account is deleted, nothing here names its holder. Its own rows
   * (attempts, logouts, refusals under its user ID) go before their retention; a staff act that
   * named it as its target stays, with the user ID replaced by what erased data reads as.
   */
  async forgetDeleted(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${this.table} WHERE user_id = $1`, [userId]);
    await this.dataSource.query(
      `UPDATE ${this.table} SET detail = jsonb_set(detail, '{userId}', to_jsonb($2::text))
       WHERE detail->>'userId' = $1`,
      [userId, PII_ERASED],
    );
  }

  /** Drops the events older than the retention; returns how many. */
  async purgeExpired(): Promise<number> {
    const before = new Date(this.clock().getTime() - this.retentionDays * DAY_MS);
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE occurred_at < $1`,
      [before],
    );
    return deleted;
  }
}

function storable(text: string): string {
  // PostgreSQL text holds no NUL, and UTF-8 no lone surrogate (with /u a pair is one code point).
  return text
    .slice(0, MAX_RECORDED_USER_ID)
    .replaceAll(String.fromCharCode(0), '\uFFFD')
    .replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
}
