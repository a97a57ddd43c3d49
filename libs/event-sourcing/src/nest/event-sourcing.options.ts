import type { KeyObject } from 'node:crypto';
import type { MigrationInterface } from 'typeorm';
import type { Upcasters } from '../event-store/upcasters';
import type { Projection } from '../projections/projection';

export interface EventSourcingOptions {
  /** A PostgreSQL server for events and read models; without it, the embedded PGlite below. */
  readonly databaseUrl?: string;
  readonly databaseSchema: string;
  readonly databasePoolSize?: number;
  /** An EventStoreDB connection string; then events go there and read models stay in PostgreSQL. */
  readonly eventStoreUrl?: string;
  /** Where the embedded database keeps its files and serves its socket; defaults under `./var`. */
  readonly embedded?: EmbeddedDatabaseLocation;
  /** The contexts' read-model migrations, run after the kernel's at start. */
  readonly migrations?: readonly (new () => MigrationInterface)[];
  readonly upcasters?: Upcasters;
  /** Read models this process keeps current; each runs in one process at a time. */
  readonly projections?: readonly Projection[];
  /** False: another process runs `projections`; this one only waits on their checkpoints. */
  readonly runProjections?: boolean;
  /**
   * The 32 bytes that wrap every PII data key, or how to get them at start (e.g. from the
   * embedded setup's key file, see `readOrCreatePiiMasterKey`). Kept outside the database.
   */
  readonly piiMasterKey: Buffer | (() => Promise<Buffer>);
  /**
   * The Ed25519 key that signs the global chain's checkpoints, or how to get it at start. Without
   * it events are still linked, but nothing is signed and verification fails for want of a key.
   */
  readonly historySigningKey?: KeyObject | (() => Promise<KeyObject>);
  /** Sign the global chain every `everyEvents` events or `everySeconds` (defaults 1000 and 60). */
  readonly historyCheckpoints?: { readonly everyEvents: number; readonly everySeconds: number };
}

export interface EmbeddedDatabaseLocation {
  readonly dataDir: string;
  /** Named `.s.PGSQL.5432` so `pg` finds it from the directory alone. */
  readonly socketPath: string;
}

export const EVENT_SOURCING_OPTIONS = Symbol('EventSourcingOptions');
