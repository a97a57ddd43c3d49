import { randomBytes, randomUUID } from 'node:crypto';
import { createDataSource, migrate, PiiVault } from '@app/event-sourcing';
import { createTestSchema, type TestDatabaseTarget } from '@test/database';
import type { DataSource } from 'typeorm';
import { MailDispatcher, type MailDispatcherOptions } from '../dispatcher/mail-dispatcher';
import type { MailRequest } from '../ledger/mail-delivery';
import { MailLedger } from '../ledger/mail-ledger';
import { NOTIFICATIONS_MIGRATIONS } from '../migrations/notifications-migrations';
import { ApplicationMailRecipientEntity } from '../projections/application-mail-recipient.entity';
import { MailRecipientEntity } from '../projections/mail-recipient.entity';
import type { MailLogger, MailTransport } from '../mail/mail-transport.port';
import { templateContext } from './template-mother';

export const FROM = 'no-reply@b-route.example.jp';

export interface LedgerRow {
  readonly event_id: string;
  readonly recipient: string;
  readonly template: string;
  /** Null once the mail is sent or given up (issue 11 §5). */
  readonly to_address: string | null;
  readonly params: Record<string, unknown> | null;
  readonly message_id: string;
  readonly status: string;
  readonly attempts: number;
  readonly next_attempt_at: Date;
  readonly last_error: string | null;
  readonly sent_at: Date | null;
}

const silentLogger: MailLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A migrated schema with the kernel's and the notifications tables, a PII vault and a ledger. */
export async function notificationsTestBed(target: TestDatabaseTarget) {
  const database = await createTestSchema(target, 10);
  const { schema } = database;
  const dataSources: DataSource[] = [];
  const openDataSource = async (): Promise<DataSource> => {
    const dataSource = createDataSource({
      url: target.url,
      schema,
      entities: [MailRecipientEntity, ApplicationMailRecipientEntity],
      migrations: NOTIFICATIONS_MIGRATIONS,
      poolSize: 3,
    });
    await dataSource.initialize();
    dataSources.push(dataSource);
    return dataSource;
  };
  const dataSource = await openDataSource();
  await migrate(dataSource);
  const vault = new PiiVault({ pool: database.pool, schema, masterKey: randomBytes(32) });
  const ledger = new MailLedger({ schema, from: FROM });

  return {
    kind: target.kind,
    schema,
    dataSource,
    vault,
    ledger,
    openDataSource,
    /** A verification mail for a new account, its address and token sealed as an event holds them. */
    async verificationRequest(
      address: string,
      token: string,
      notBefore: Date,
    ): Promise<MailRequest> {
      const accountId = randomUUID();
      return {
        eventId: randomUUID(),
        recipient: accountId,
        to: await vault.encrypt(accountId, address),
        notBefore,
        content: {
          template: 'verification-link',
          params: {
            userId: `user-${accountId.slice(0, 8)}`,
            token: await vault.encrypt(accountId, token),
            expiresAt: new Date(notBefore.getTime() + 30 * 60_000).toISOString(),
          },
        },
      };
    },
    /** As a notification projection does: inside one transaction of its batch. */
    async enqueue(...requests: MailRequest[]): Promise<boolean[]> {
      return dataSource.transaction(async (manager) => {
        const inserted: boolean[] = [];
        for (const request of requests) inserted.push(await ledger.enqueue(manager, request));
        return inserted;
      });
    },
    dispatcher(
      transport: MailTransport,
      options: Partial<MailDispatcherOptions> = {},
    ): MailDispatcher {
      return new MailDispatcher({
        dataSource,
        ledger,
        transport,
        vault,
        from: FROM,
        templates: templateContext,
        logger: silentLogger,
        ...options,
      });
    },
    async rows(): Promise<LedgerRow[]> {
      return dataSource.query<LedgerRow[]>(
        `SELECT * FROM "${schema}".mail_deliveries ORDER BY created_at, message_id`,
      );
    },
    async dispose(): Promise<void> {
      for (const source of dataSources) if (source.isInitialized) await source.destroy();
      await database.dispose();
    },
  };
}

export type NotificationsTestBed = Awaited<ReturnType<typeof notificationsTestBed>>;
