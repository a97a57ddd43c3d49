import type { EntityManager, EntitySchema } from 'typeorm';
import type { Checkpoint, EventFilter, RecordedEvent } from '../event-store/event-store.port';

export type ReadModelEntity = (new (...args: never[]) => object) | EntitySchema;

/**
 * A read model: the events it folds and the tables it owns. `apply` runs in the transaction that
 * also stores the checkpoint, so a projector need not be idempotent: a batch counts exactly once.
 */
export interface Projection {
  /** Unique and stable: it keys the checkpoint and the lock. */
  readonly name: string;
  readonly filter: EventFilter;
  /**
   * The entities of the tables this projection alone writes; rebuild replaces exactly these, and
   * replays through a manager that maps only them, so `apply` reaches its tables through `manager`.
   */
  readonly entities: readonly ReadModelEntity[];
  /**
   * False for tables that are evidence rather than a cache of the events (the global chain's
   * links): rebuilding them from the events would bless whatever the events now say.
   */
  readonly rebuildable?: boolean;
  apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly checkpoint: Checkpoint | null;
  /** Global position of the last event applied; 0 before the first. */
  readonly position: bigint;
  /** Head position minus own position (0 once at the head); null when the head could not be read. */
  readonly lagEvents: number | null;
  readonly updatedAt: Date | null;
  /** True when this process is the one running the projection. */
  readonly active: boolean;
}

/** Satisfied by Nest's `Logger`; the core stays framework-free. */
export interface ProjectionLogger {
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}
