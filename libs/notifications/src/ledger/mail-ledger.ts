import { randomUUID } from 'node:crypto';
import { PiiVault } from '@app/event-sourcing';
import type { MailSecret } from '@app/accounts';
import type { DataSource, EntityManager } from 'typeorm';
import { stableMessageId } from '../mail/message-id';
import { isMailTemplateName, SEALED_PARAMS } from '../templates/mail-templates';
import { UnsealedMailDataError, type ClaimedDelivery, type MailRequest } from './mail-delivery';

interface DeliveryRow {
  event_id: string;
  recipient: string;
  template: string;
  to_address: string;
  params: Record<string, unknown> | null;
  message_id: string;
  attempts: number;
  claim_token: string;
}

type Queryable = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;
type DeliveryKey = Pick<ClaimedDelivery, 'eventId' | 'recipient' | 'template' | 'claimToken'>;

/** The `mail_deliveries` table of one schema. Every write after a claim is fenced by its token. */
export class MailLedger {
  private readonly table: string;
  private readonly secrets: string;

  constructor(private readonly options: { readonly schema: string; readonly from: string }) {
    const schema = `"${options.schema.replace(/"/g, '""')}"`;
    this.table = `${schema}.mail_deliveries`;
    this.secrets = `${schema}.mail_secrets`;
  }

  /**
   * Issue 11 §5: keeps a mail's secret, sealed, until the projection of the event that holds its
   * hash takes it into the mail's row. Handing the same secret over twice changes nothing.
   */
  async handOverSecret(source: Queryable, secret: MailSecret, at: Date): Promise<void> {
    if (!PiiVault.isEncrypted(secret.sealed)) throw new UnsealedMailDataError('secret');
    await source.query(
      `INSERT INTO ${this.secrets} (account_id, secret_hash, sealed, created_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (account_id, secret_hash) DO NOTHING`,
      [secret.accountId, secret.hash, secret.sealed, at],
    );
  }

  /** The sealed secret kept for that hash, removed in the caller's transaction; null if none. */
  async takeSecret(manager: Queryable, accountId: string, hash: string): Promise<string | null> {
    const rows = await manager.query<unknown>(
      `DELETE FROM ${this.secrets} WHERE account_id = $1 AND secret_hash = $2 RETURNING sealed`,
      [accountId, hash],
    );
    return firstRow<{ sealed: string }>(rows)?.sealed ?? null;
  }

  /** ACC-2's void registration and ACC-7's deletion: nothing of the account waits to be mailed. */
  async forgetSecrets(manager: Queryable, accountId: string): Promise<void> {
    await manager.query(`DELETE FROM ${this.secrets} WHERE account_id = $1`, [accountId]);
  }

  /** Secrets whose event never landed (a request that failed after the hand-over). */
  async purgeSecrets(source: Queryable, handedOverBefore: Date): Promise<void> {
    await source.query(`DELETE FROM ${this.secrets} WHERE created_at < $1`, [handedOverBefore]);
  }

  /**
   * Records a mail to send, in the caller's transaction (a notification projection's batch). A
   * request already recorded is ignored, so an event is mailed once per recipient and template.
   * Returns whether it was new.
   */
  async enqueue(manager: Queryable, request: MailRequest): Promise<boolean> {
    const { template, params } = request.content;
    if (!PiiVault.isEncrypted(request.to)) throw new UnsealedMailDataError('to');
    const values: Readonly<Record<string, unknown>> = { ...params };
    for (const field of SEALED_PARAMS[template])
      if (!PiiVault.isEncrypted(values[field])) throw new UnsealedMailDataError(field);
    const messageId = stableMessageId(
      request.eventId,
      request.recipient,
      template,
      this.options.from,
    );
    const rows = await manager.query<unknown[]>(
      `INSERT INTO ${this.table}
         (event_id, recipient, template, to_address, params, message_id, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $7)
       ON CONFLICT (event_id, recipient, template) DO NOTHING
       RETURNING event_id`,
      [
        request.eventId,
        request.recipient,
        template,
        request.to,
        JSON.stringify(params),
        messageId,
        request.notBefore,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Claims up to `limit` due rows by moving their next attempt to `leaseUntil`: a dispatcher that
   * dies mid-send leaves the row to be sent again after the lease (at-least-once). Concurrent
   * claimers skip each other's locked rows instead of waiting.
   */
  async claimDue(
    source: Queryable,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    const claimToken = randomUUID();
    const rows = await source.query<DeliveryRow[]>(
      `WITH due AS (
         SELECT event_id, recipient, template FROM ${this.table}
         WHERE status = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE ${this.table} AS d
         SET attempts = d.attempts + 1, next_attempt_at = $3, claim_token = $4
         FROM due
         WHERE d.event_id = due.event_id AND d.recipient = due.recipient AND d.template = due.template
         RETURNING d.event_id, d.recipient, d.template, d.to_address, d.params, d.message_id,
                   d.attempts, d.claim_token
       )
       SELECT * FROM claimed`,
      [now, limit, leaseUntil, claimToken],
    );
    return rows.map((row) => toClaimed(row));
  }

  /**
   * Issue 11 §5: a sent mail keeps what an operator needs (template, times, status, Message-ID)
   * and neither its address nor its parameters (personal data, sealed secrets).
   */
  async markSent(source: Queryable, delivery: DeliveryKey, at: Date): Promise<void> {
    await source.query(
      `UPDATE ${this.table}
       SET status = 'sent', sent_at = $5, to_address = NULL, params = NULL, last_error = NULL,
           claim_token = NULL
       WHERE event_id = $1 AND recipient = $2 AND template = $3 AND claim_token = $4`,
      [delivery.eventId, delivery.recipient, delivery.template, delivery.claimToken, at],
    );
  }

  /** Gives back a claimed row not attempted, e.g. when the claim's lease ran short. */
  async release(source: Queryable, delivery: DeliveryKey, dueAt: Date): Promise<void> {
    await source.query(
      `UPDATE ${this.table}
       SET attempts = attempts - 1, next_attempt_at = $5, claim_token = NULL
       WHERE event_id = $1 AND recipient = $2 AND template = $3 AND claim_token = $4`,
      [delivery.eventId, delivery.recipient, delivery.template, delivery.claimToken, dueAt],
    );
  }

  async markRetry(
    source: Queryable,
    delivery: DeliveryKey,
    nextAttemptAt: Date,
    error: string,
  ): Promise<void> {
    await source.query(
      `UPDATE ${this.table}
       SET next_attempt_at = $5, last_error = $6, claim_token = NULL
       WHERE event_id = $1 AND recipient = $2 AND template = $3 AND claim_token = $4`,
      [
        delivery.eventId,
        delivery.recipient,
        delivery.template,
        delivery.claimToken,
        nextAttemptAt,
        error,
      ],
    );
  }

  /** Given up: nothing will send it, so its address and parameters go as a sent mail's do. */
  async markFailed(source: Queryable, delivery: DeliveryKey, error: string): Promise<void> {
    await source.query(
      `UPDATE ${this.table}
       SET status = 'failed', last_error = $5, to_address = NULL, params = NULL, claim_token = NULL
       WHERE event_id = $1 AND recipient = $2 AND template = $3 AND claim_token = $4`,
      [delivery.eventId, delivery.recipient, delivery.template, delivery.claimToken, error],
    );
  }
}

/** TypeORM answers a `DELETE … RETURNING` as `[rows, count]`; a plain row list is taken too. */
function firstRow<T>(result: unknown): T | undefined {
  if (!Array.isArray(result)) return undefined;
  const [first] = result as unknown[];
  if (Array.isArray(first)) return (first as T[])[0];
  return first as T | undefined;
}

function toClaimed(row: DeliveryRow): ClaimedDelivery {
  if (!isMailTemplateName(row.template)) throw new Error(`unknown mail template ${row.template}`);
  return {
    eventId: row.event_id,
    recipient: row.recipient,
    template: row.template,
    to: row.to_address,
    params: row.params ?? {},
    messageId: row.message_id,
    attempts: row.attempts,
    claimToken: row.claim_token,
  };
}
