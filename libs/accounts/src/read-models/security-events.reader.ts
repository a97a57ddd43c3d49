import type { DataSource } from 'typeorm';
import type { AccountRole } from '../domain/account.event';

export interface SecurityEventView {
  readonly occurredAt: Date;
  readonly type: string;
  readonly userId: string | null;
  readonly role: AccountRole | null;
  readonly clientAddress: string | null;
  readonly detail: unknown;
}

export interface SecurityEventPage {
  readonly total: number;
  readonly offset: number;
  readonly items: readonly SecurityEventView[];
}

export interface SecurityEventPageRequest {
  readonly from: Date;
  readonly to: Date;
  readonly offset: number;
  readonly limit: number;
}

interface SecurityEventRow {
  occurred_at: Date | string;
  type: string;
  user_id: string | null;
  role: AccountRole | null;
  client_address: string | null;
  detail: unknown;
  total: string | number;
}

/** The security log for auditors: `from` inclusive, `to` exclusive, newest first. */
export class SecurityEventsReader {
  private readonly table: string;

  constructor(private readonly dataSource: DataSource) {
    const options = dataSource.options as { schema?: string };
    this.table = `"${options.schema ?? 'public'}".security_events`;
  }

  async page({ from, to, offset, limit }: SecurityEventPageRequest): Promise<SecurityEventPage> {
    const rows: SecurityEventRow[] = await this.dataSource.query(
      `SELECT occurred_at, type, user_id, role, client_address, detail, COUNT(*) OVER () AS total
       FROM ${this.table} WHERE occurred_at >= $1 AND occurred_at < $2
       ORDER BY occurred_at DESC, seq DESC OFFSET $3 LIMIT $4`,
      [from, to, offset, limit],
    );
    const total = rows[0] !== undefined ? Number(rows[0].total) : await this.count(from, to);
    return {
      total,
      offset,
      items: rows.map((row) => ({
        occurredAt: new Date(row.occurred_at),
        type: row.type,
        userId: row.user_id,
        role: row.role,
        clientAddress: row.client_address,
        detail: row.detail,
      })),
    };
  }

  // A page past the end has no row to carry the window's count.
  private async count(from: Date, to: Date): Promise<number> {
    const [row]: { total: string | number }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total FROM ${this.table} WHERE occurred_at >= $1 AND occurred_at < $2`,
      [from, to],
    );
    return Number(row?.total ?? 0);
  }
}
