import type { DataSource } from 'typeorm';

/** Read-model candidates for the ACC-2 and ACC-7 sweeps; the aggregate decides on each. */
export class AccountSweepReader {
  private readonly schema: string;

  constructor(private readonly dataSource: DataSource) {
    this.schema = `"${(dataSource.options as { schema?: string }).schema ?? 'public'}"`;
  }

  /** ACC-2: pending registrations made at or before `registeredBy`. */
  async pendingRegisteredBy(registeredBy: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM ${this.schema}.accounts
       WHERE status = 'PENDING_VERIFICATION' AND created_at <= $1
       ORDER BY created_at, id LIMIT $2`,
      [registeredBy, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * ACC-7: accounts in use whose last login (or, never having logged in, creation) is at or
   * before `lastUsedBy`. Creation comes before verification, so this is a superset of what the
   * domain deletes; it refuses the rest.
   */
  async unusedSince(lastUsedBy: Date, limit: number, after: string | null): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM ${this.schema}.accounts
       WHERE status IN ('ACTIVE', 'LOCKED') AND coalesce(last_login_at, created_at) <= $1
         AND ($3::uuid IS NULL OR id > $3::uuid)
       ORDER BY id LIMIT $2`,
      [lastUsedBy, limit, after],
    );
    return rows.map((row) => row.id);
  }

  /** ACC-7: deleted accounts whose data key was not forgotten (a run stopped half-way). */
  async deletedButNotForgotten(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.id FROM ${this.schema}.accounts a
       JOIN ${this.schema}.pii_keys k ON k.subject = a.id::text
       WHERE a.status = 'DELETED' AND k.wrapped_key IS NOT NULL
       LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }
}
