export * from './event-store/event-store.port';
export * from './event-store/event-store.errors';
export { canonicalJson } from './event-store/canonical-json';
export { chainHash, GENESIS_HASH } from './event-store/hash-chain';
export { PostgresEventStore } from './event-store/postgres/postgres-event-store';
export { appendersLock, joinAppenders } from './event-store/postgres/appenders-barrier';
export { createDataSource, migrate } from './database/data-source';
export { JobLock } from './database/job-lock';
export { PiiVault, PII_ERASED, SubjectForgottenError } from './pii/pii-vault';
export { ErrorCode } from './errors/error-code';
export { AppendOutcomeUnknownError, isStoreUnreachable } from './errors/store-unreachable';
export {
  DomainError,
  InvalidInputError,
  domainErrorOf,
  type FieldError,
} from './errors/domain-error';
export { DateTimeScalar, CalendarDateScalar, JsonScalar } from './graphql/scalars';
export { EventSourcingModule } from './nest/event-sourcing.module';
export type { EventSourcingOptions } from './nest/event-sourcing.options';
export {
  embeddedDatabaseLocation,
  servedEmbeddedDatabaseUrl,
  startEmbeddedDatabase,
} from './nest/embedded-database';
export { DATABASE_SERVER, type DatabaseServer } from './nest/database-server';
export { piiMasterKeyFile, readOrCreatePiiMasterKey } from './nest/pii-master-key';
export { RequestContext, CorrelationId } from './nest/request-context';
export { PROJECTION_STATUS, type ProjectionStatusSource } from './nest/projection-status';
export type { Projection } from './projections/projection';
export { readModelTable } from './projections/read-model-tables';
export { keysToLoad } from './projections/batch-keys';
export { ProjectionRunners } from './projections/projection-runners';
export { EventSourcedRepository } from './aggregates/event-sourced-repository';
export { HistoryVerifier, HistoryTamperedError } from './history/history-verifier';
export { describeFinding, type HistoryFinding } from './history/history-finding';
export {
  verifyBundle,
  type HistoryBundle,
  type BundleVerification,
} from './history/history-bundle';
export { type SignedCheckpoint } from './history/global-chain';
export {
  historySigningKeyFile,
  historyPublicKeyPem,
  parseHistoryPublicKey,
  parseHistorySigningKey,
  readOrCreateHistorySigningKey,
} from './history/history-signing-key';
export {
  CommandRunner,
  CommandScope,
  AggregateInCommand,
  acceptedOrThrow,
  commandMetadata,
  type Aggregate,
  type CommandMetadata,
} from './commands/command-runner';
export { CommandSteps } from './commands/command-steps';
export { schemaOf } from './database/schema-of';
