import { randomBytes } from 'node:crypto';
import {
  PiiVault,
  PostgresEventStore,
  ProjectionRunners,
  type Checkpoint,
} from '@app/event-sourcing';
import { contextTestDatabase } from '@app/event-sourcing/testing';
import type { TestDatabaseTarget } from '@test/database';
import type { DataSource } from 'typeorm';
import { AccountContactCipher } from '../infrastructure/account-contact-cipher';
import { AccountRepository } from '../infrastructure/account-repository';
import { AccountRowEntity } from '../projections/account-row.entity';
import { AccountVerificationLinkEntity } from '../projections/account-verification-link.entity';
import { accountsProjection } from '../projections/accounts.projection';
import { ACCOUNTS_MIGRATIONS } from '../projections/accounts-read-model';
import { AccountsReader } from '../read-models/accounts.reader';
import { SessionService } from '../sessions/session.service';

export interface AccountsTestBed {
  readonly kind: TestDatabaseTarget['kind'];
  readonly schema: string;
  readonly dataSource: DataSource;
  readonly store: PostgresEventStore;
  readonly vault: PiiVault;
  readonly cipher: AccountContactCipher;
  readonly repository: AccountRepository;
  readonly query: AccountsReader;
  readonly sessions: SessionService;
  /** Runs the accounts projection until it has applied the event at `checkpoint`, then stops it. */
  project(checkpoint: Checkpoint): Promise<void>;
  /** Every stored event's data and metadata, as the events table holds them. */
  rawEventData(): Promise<string[]>;
  dispose(): Promise<void>;
}

/** A fresh schema with the event store, the PII vault and the accounts read model. */
export async function accountsTestBed(target: TestDatabaseTarget): Promise<AccountsTestBed> {
  const database = await contextTestDatabase(target, {
    entities: [AccountRowEntity, AccountVerificationLinkEntity],
    migrations: ACCOUNTS_MIGRATIONS,
  });
  const { schema, pool, dataSource, store } = database;
  const vault = new PiiVault({ pool, schema, masterKey: randomBytes(32) });
  const cipher = new AccountContactCipher(vault);
  const logger = { warn: () => undefined, error: () => undefined };

  return {
    kind: target.kind,
    schema,
    dataSource,
    store,
    vault,
    cipher,
    repository: new AccountRepository(store),
    query: new AccountsReader(dataSource, cipher),
    sessions: new SessionService(dataSource),
    async project(checkpoint) {
      const runners = new ProjectionRunners({
        eventStore: store,
        dataSource,
        logger,
        pollIntervalMs: 50,
        standbyIntervalMs: 50,
        retryDelayMs: { initial: 20, max: 200 },
        projections: [accountsProjection],
      });
      runners.start();
      try {
        await runners.waitFor(accountsProjection.name, checkpoint, 10_000);
      } finally {
        await runners.stop();
      }
    },
    async rawEventData() {
      const { rows } = await pool.query<{ data: string }>(
        `SELECT data || chr(10) || metadata AS data FROM "${schema}".events ORDER BY global_position`,
      );
      return rows.map((row) => row.data);
    },
    dispose: () => database.dispose(),
  };
}
