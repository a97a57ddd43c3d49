import { ACCOUNTS_MIGRATIONS, ACCOUNTS_PROJECTIONS } from '@app/accounts';
import {
  APPLICATION_SEARCH_MIGRATIONS,
  APPLICATIONS_MIGRATIONS,
  APPLICATIONS_PROJECTIONS,
} from '@app/applications';
import {
  historySigningKeyFile,
  piiMasterKeyFile,
  readOrCreateHistorySigningKey,
  readOrCreatePiiMasterKey,
  type EventSourcingOptions,
  type Projection,
} from '@app/event-sourcing';
import { METERING_MIGRATIONS, METERING_PROJECTIONS } from '@app/metering';
import { NOTIFICATIONS_MIGRATIONS, notificationsProjections } from '@app/notifications';
import type { MigrationInterface } from 'typeorm';
import type { AppConfig } from '../config/app-config';

/** Every context's read-model tables, migrated at start by the API and by every tool alike. */
const CONTEXT_MIGRATIONS: readonly (new () => MigrationInterface)[] = [
  ...ACCOUNTS_MIGRATIONS,
  ...METERING_MIGRATIONS,
  ...APPLICATIONS_MIGRATIONS,
  ...APPLICATION_SEARCH_MIGRATIONS,
  ...NOTIFICATIONS_MIGRATIONS,
];

/**
 * Every read model the API keeps current (and `rebuild-projections` can rebuild). The mail
 * projections write the delivery ledger of the schema in use, and name the sender in Message-IDs.
 */
function contextProjections(config: AppConfig, schema: string): Projection[] {
  return [
    ...ACCOUNTS_PROJECTIONS,
    ...METERING_PROJECTIONS,
    ...APPLICATIONS_PROJECTIONS,
    ...notificationsProjections({ schema, from: config.mail.from }),
  ];
}

/** Storage as configured: the API and the command-line tools open the same database the same way. */
export function eventSourcingOptions(
  config: AppConfig,
  overrides: Partial<EventSourcingOptions> = {},
): EventSourcingOptions {
  return {
    databaseUrl: config.database.url,
    databaseSchema: config.database.schema,
    databasePoolSize: config.database.poolSize,
    eventStoreUrl: config.eventStoreUrl,
    // The config lets the key be unset only for the embedded database outside production.
    piiMasterKey: config.pii.masterKey ?? (() => readOrCreatePiiMasterKey(piiMasterKeyFile())),
    // Unset only outside production (see AppConfig.history).
    historySigningKey:
      config.history.signingKey ?? (() => readOrCreateHistorySigningKey(historySigningKeyFile())),
    historyCheckpoints: {
      everyEvents: config.history.checkpointEveryEvents,
      everySeconds: config.history.checkpointEverySeconds,
    },
    migrations: CONTEXT_MIGRATIONS,
    projections: contextProjections(config, overrides.databaseSchema ?? config.database.schema),
    ...overrides,
  };
}
