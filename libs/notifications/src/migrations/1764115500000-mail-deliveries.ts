import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery ledger: one row per (event, recipient, template), so each event is mailed once.
 * `to_address` and the secrets in `params` are PII-vault tokens; `params` is dropped once sent.
 */
export class MailDeliveries1764115500000 implements MigrationInterface {
  name = 'MailDeliveries1764115500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = `"${schemaOf(queryRunner)}".mail_deliveries`;
    await queryRunner.query(`CREATE TABLE ${table} (
      event_id uuid NOT NULL,
      recipient text NOT NULL,
      template text NOT NULL,
      to_address text NOT NULL,
      params jsonb,
      message_id text NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      claim_token uuid,
      last_error text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz,
      PRIMARY KEY (event_id, recipient, template),
      CONSTRAINT mail_deliveries_status_check CHECK (status IN ('pending', 'sent', 'failed')),
      CONSTRAINT mail_deliveries_sent_check CHECK ((status = 'sent') = (sent_at IS NOT NULL))
    )`);
    await queryRunner.query(
      `CREATE INDEX mail_deliveries_due ON ${table} (next_attempt_at) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".mail_deliveries`);
  }
}
