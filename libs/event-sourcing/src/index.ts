export * from './event-store/event-store.port';
export * from './event-store/event-store.errors';
export { canonicalJson } from './event-store/canonical-json';
export { chainHash, verifyChain, GENESIS_HASH } from './event-store/hash-chain';
export { Upcasters, type Upcaster, type UpcasterDefinition } from './event-store/upcasters';
export { InMemoryEventStore } from './event-store/in-memory/in-memory-event-store';
export {
  PostgresEventStore,
  type PostgresEventStoreOptions,
} from './event-store/postgres/postgres-event-store';
export {
  appendersLock,
  joinAppenders,
  AppendersLockOrderError,
  type AppendersLock,
} from './event-store/postgres/appenders-barrier';
export {
  EventStoreDbEventStore,
  type EventStoreDbCredentials,
  type EventStoreDbEventStoreOptions,
} from './event-store/eventstoredb/eventstoredb-event-store';
export {
  createDataSource,
  migrate,
  KERNEL_MIGRATIONS,
  type DatabaseOptions,
} from './database/data-source';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres';
export { PiiVault, PII_ERASED, SubjectForgottenError, type PiiVaultOptions } from './pii/pii-vault';
export { ErrorCode, isErrorCode } from './errors/error-code';
export {
  DomainError,
  InvalidInputError,
  domainErrorOf,
  type FieldError,
} from './errors/domain-error';
export { DateTimeScalar, CalendarDateScalar, JsonScalar, isCalendarDate } from './graphql/scalars';
export { EventSourcingModule } from './nest/event-sourcing.module';
export type { EventSourcingOptions, EmbeddedDatabaseLocation } from './nest/event-sourcing.options';
export {
  embeddedDatabaseLocation,
  servedEmbeddedDatabaseUrl,
  startEmbeddedDatabase,
  type RunningEmbeddedDatabase,
} from './nest/embedded-database';
export { DATABASE_SERVER, type DatabaseServer } from './nest/database-server';
export {
  piiMasterKeyFile,
  readOrCreatePiiMasterKey,
  PII_MASTER_KEY_BYTES,
} from './nest/pii-master-key';
export { RequestContext, CorrelationId, type RequestContextValue } from './nest/request-context';
export {
  PROJECTION_STATUS,
  type ProjectionStatusSource,
  type ProjectionLag,
} from './nest/projection-status';
export type {
  Projection,
  ProjectionStatus,
  ProjectionLogger,
  ReadModelEntity,
} from './projections/projection';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projections/projection-runner';
export { ProjectionRunners, type ProjectionRunnersOptions } from './projections/projection-runners';
export type { ProjectionRebuild } from './projections/projection-rebuild';
export {
  ProjectionLocks,
  projectionLockKey,
  type ProjectionLock,
} from './projections/projection-locks';
export {
  ProjectionWaitTimeoutError,
  ProjectionLockedError,
  UnknownProjectionError,
  CheckpointMovedError,
} from './projections/projection.errors';
export {
  EventSourcedRepository,
  type AggregateStreams,
  type DomainEvent,
  type LoadedAggregate,
} from './aggregates/event-sourced-repository';
export { HistoryKey } from './history/history-key';
export { HistorySigner, HistoryChainBrokenError } from './history/history-signer';
export {
  HistoryVerifier,
  HistoryTamperedError,
  type HistoryReport,
  type StreamReport,
} from './history/history-verifier';
export {
  describeFinding,
  type HistoryFinding,
  type HistoryFindingKind,
} from './history/history-finding';
export {
  verifyBundle,
  type HistoryBundle,
  type BundleVerification,
} from './history/history-bundle';
export { HISTORY_CHECKPOINT_STREAM, keyIdOf, type SignedCheckpoint } from './history/global-chain';
export { HISTORY_LINKS_PROJECTION } from './history/history-links';
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
  type AppendOrder,
  type CommandMetadata,
  type CommandResult,
  type CommandRunnerOptions,
} from './commands/command-runner';
export type { Decision, Refusal } from './domain';
export { CommandSteps, type CommandStepProbe } from './commands/command-steps';
export { schemaOf } from './database/schema-of';
