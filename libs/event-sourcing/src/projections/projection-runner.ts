import type { DataSource } from 'typeorm';
import type {
  Checkpoint,
  EventStore,
  RecordedEvent,
  StoreHead,
} from '../event-store/event-store.port';
import { isStoreUnreachable } from '../errors/store-unreachable';
import type { Projection, ProjectionLogger, ProjectionStatus } from './projection';
import {
  CheckpointMovedError,
  ProjectionLockedError,
  ProjectionWaitTimeoutError,
} from './projection.errors';
import { ProjectionCheckpoints, type StoredCheckpoint } from './projection-checkpoints';
import type { ProjectionLock, ProjectionLocks } from './projection-locks';
import { matchesFilter } from '../event-store/stored-event';
import { ProjectionRebuild } from './projection-rebuild';
import { readModelTables } from './read-model-tables';
import { quoteIdent } from '../database/quote-ident';
import { WakeSignal } from './wake-signal';

export interface ProjectionRunnerOptions {
  readonly projection: Projection;
  readonly eventStore: EventStore;
  /** Maps the projection's entities; its schema holds `projection_checkpoints`. */
  readonly dataSource: DataSource;
  /** Shared by the runners of one data source: one connection holds all their advisory locks. */
  readonly locks: ProjectionLocks;
  readonly logger: ProjectionLogger;
  readonly batchSize?: number;
  /** How often an idle runner looks for appends it was not woken for (other processes). */
  readonly pollIntervalMs?: number;
  /** How often a runner that another one holds the projection from asks again. */
  readonly standbyIntervalMs?: number;
  readonly retryDelayMs?: { readonly initial: number; readonly max: number };
  /**
   * Once this many events were applied since it last did, a runner that has caught up vacuums and
   * analyzes its tables (default 50,000).
   */
  readonly vacuumAfterEvents?: number;
}

/** Skip-only batches store their checkpoint at the end of the log, or after this many. */
/** A store that reads to count its lag (EventStoreDB) stops there: far enough behind to alert. */
const LAG_COUNT_CAP = 10_000;
const SKIPPED_BATCHES_PER_SAVE = 20;
/**
 * A catch-up that wrote this many rows leaves a table whose statistics describe what it was
 * before, so searches get plans for a table of that size (a walk down the date index where the
 * names' index answers in a millisecond), and whose pages are not yet marked all-visible, so
 * counting a range reads the rows instead of the index alone; until autovacuum, where it runs at
 * all, gets to it.
 */
const VACUUM_AFTER_EVENTS = 50_000;
/** How often a running runner makes sure the session holding its lock still answers. */
const SESSION_CHECK_MS = 2000;
/** The longest wait before trying an unreachable database again. */
const RECONNECT_MAX_MS = 1000;

interface Cursor extends StoredCheckpoint {
  /** Ahead of `checkpoint` by the skip-only batches not stored yet. */
  readonly processed: Checkpoint | null;
  readonly skippedBatches: number;
}

/**
 * Runs one projection: reads a batch after its checkpoint, applies it and stores the new checkpoint
 * in one transaction, follows live appends, and on any failure starts again from the stored
 * checkpoint. Only the holder of the projection's lock runs; other runners stand by.
 */
export class ProjectionRunner {
  readonly name: string;
  private readonly checkpoints: ProjectionCheckpoints;
  private readonly wakeUp = new WakeSignal();
  private readonly stopSignal = new WakeSignal();
  private readonly progress = new WakeSignal();
  private lock: ProjectionLock | null = null;
  private cursor: Cursor | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private queue: Promise<unknown> = Promise.resolve();
  private rebuilding = false;
  private appliedSinceVacuum = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.name = options.projection.name;
    this.checkpoints = new ProjectionCheckpoints(
      (options.dataSource.options as { schema?: string }).schema ?? 'public',
    );
  }

  /** True while this runner holds the projection and is running it. */
  get active(): boolean {
    return this.loop !== undefined && this.lock?.held === true;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.stopSignal.clear();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopSignal.notify();
    this.wakeUp.notify();
    await this.loop;
    this.loop = undefined;
  }

  /** Reads now instead of at the next poll, e.g. right after an append in this process. */
  wake(): void {
    this.wakeUp.notify();
  }

  /** Whether the projection's filter takes an event of this stream and type. */
  takes(stream: string, type: string): boolean {
    return matchesFilter(stream, type, this.options.projection.filter);
  }

  /** Resolves once the projection has processed `checkpoint` (read-your-writes), by whichever process runs it. */
  async waitFor(checkpoint: Checkpoint, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const { eventStore, pollIntervalMs = 250 } = this.options;
    for (;;) {
      const reached = await this.processed();
      if (reached !== null && eventStore.compareCheckpoints(reached, checkpoint) >= 0) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new ProjectionWaitTimeoutError(this.name, checkpoint, timeoutMs);
      this.wake();
      await this.progress.sleep(Math.min(remaining, pollIntervalMs));
    }
  }

  /** `head` comes from the caller so that one read of the store serves every projection. */
  async status(head: StoreHead | null): Promise<ProjectionStatus> {
    const state =
      this.active && this.cursor
        ? this.cursor
        : await this.checkpoints.read(this.options.dataSource, this.name);
    const checkpoint = this.active && this.cursor ? this.cursor.processed : state.checkpoint;
    return {
      name: this.name,
      checkpoint,
      position: state.position,
      updatedAt: state.updatedAt,
      active: this.active,
      lagEvents:
        head === null
          ? null
          : await this.options.eventStore.eventsBehind(
              { checkpoint, position: state.position },
              head,
              LAG_COUNT_CAP,
            ),
    };
  }

  /** Replays from the first event into fresh tables and swaps them in; see `ProjectionRebuild`. */
  async rebuild(): Promise<void> {
    const rebuild = await this.startRebuild();
    await rebuild.catchUp().catch(async (error: unknown) => {
      await rebuild.abort();
      throw error;
    });
    await rebuild.swap();
  }

  /** The steps of `rebuild`, for callers that look at the scratch tables before swapping. */
  async startRebuild(): Promise<ProjectionRebuild> {
    if (this.rebuilding) throw new ProjectionLockedError(this.name);
    this.rebuilding = true;
    // Rebuilding needs the projection's lock: the running runner's, or one taken for the purpose.
    const own = this.lock?.held
      ? null
      : await this.options.locks.tryAcquire(this.name).catch((error: unknown) => {
          this.rebuilding = false;
          throw error;
        });
    if (!this.lock?.held && !own) {
      this.rebuilding = false;
      throw new ProjectionLockedError(this.name);
    }
    const { projection, eventStore, dataSource, batchSize = 500 } = this.options;
    return ProjectionRebuild.start({
      projection,
      eventStore,
      dataSource,
      checkpoints: this.checkpoints,
      batchSize,
      exclusive: (work) => this.exclusive(work),
      swapped: (state) => {
        this.cursor = { ...state, processed: state.checkpoint, skippedBatches: 0 };
        this.progress.notify();
      },
      finished: async () => {
        this.rebuilding = false;
        await own?.release();
      },
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        if (!(await this.holdLock())) {
          await this.stopSignal.sleep(this.options.standbyIntervalMs ?? 1000);
          continue;
        }
        const caughtUp = await this.exclusive(async () => {
          const atEnd = await this.step();
          if (atEnd) await this.vacuumAfterCatchUp();
          return atEnd;
        });
        failures = 0;
        if (caughtUp) await this.wakeUp.sleep(this.options.pollIntervalMs ?? 250);
      } catch (error) {
        failures += 1;
        this.cursor = undefined;
        const message = `projection ${this.name} failed (attempt ${failures}); resuming from its stored checkpoint`;
        const unreachable = isStoreUnreachable(error);
        if (error instanceof CheckpointMovedError || unreachable)
          this.options.logger.warn(message, error);
        else this.options.logger.error(message, error);
        // A database that is back must find the runner running again within a second.
        const delay = this.retryDelay(failures);
        await this.stopSignal.sleep(unreachable ? Math.min(delay, RECONNECT_MAX_MS) : delay);
      }
    }
    await this.releaseLock();
  }

  private async holdLock(): Promise<boolean> {
    await this.options.locks.checkSession(SESSION_CHECK_MS);
    if (this.lock?.held) return true;
    if (this.lock) {
      this.options.logger.warn(`projection ${this.name} lost its lock; standing by`);
      await this.releaseLock();
    }
    this.lock = await this.options.locks.tryAcquire(this.name);
    this.cursor = undefined;
    return this.lock !== null;
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    this.cursor = undefined;
    await lock
      ?.release()
      .catch((error: unknown) =>
        this.options.logger.warn(`projection ${this.name} could not release its lock`, error),
      );
  }

  /** One batch; true when the log had nothing more to give. */
  private async step(): Promise<boolean> {
    const { eventStore, projection, dataSource, batchSize = 500 } = this.options;
    const cursor = this.cursor ?? (await this.load());
    this.wakeUp.clear();
    const batch = await eventStore.readAll({
      after: cursor.processed,
      filter: projection.filter,
      batchSize,
    });
    const next = batch.checkpoint;
    if (next === null || !this.isAfter(next, cursor.processed)) return true;
    // A store that delivers an event again must not get it applied twice.
    const fresh = batch.events.filter((event) => this.isAfter(event.checkpoint, cursor.processed));
    if (fresh.length > 0) {
      this.cursor = await this.commit(cursor, fresh, next);
      this.appliedSinceVacuum += fresh.length;
    } else {
      const skippedBatches = cursor.skippedBatches + 1;
      this.cursor = { ...cursor, processed: next, skippedBatches };
      if (batch.isEnd || skippedBatches >= SKIPPED_BATCHES_PER_SAVE) {
        const stored = await this.checkpoints.advance(
          dataSource,
          this.name,
          cursor.checkpoint,
          next,
        );
        this.cursor = { ...stored, processed: next, skippedBatches: 0 };
      }
    }
    this.progress.notify();
    return batch.isEnd;
  }

  /** `VACUUM (ANALYZE)` of the projection's tables once it has applied enough since the last one. */
  private async vacuumAfterCatchUp(): Promise<void> {
    const { dataSource, projection, vacuumAfterEvents = VACUUM_AFTER_EVENTS } = this.options;
    if (this.appliedSinceVacuum < vacuumAfterEvents) return;
    this.appliedSinceVacuum = 0;
    for (const { schema, table } of readModelTables(dataSource, projection.entities))
      await dataSource.query(`VACUUM (ANALYZE) ${quoteIdent(schema)}.${quoteIdent(table)}`);
  }

  private async commit(
    cursor: Cursor,
    events: readonly RecordedEvent[],
    next: Checkpoint,
  ): Promise<Cursor> {
    const { dataSource, projection } = this.options;
    const position = events.at(-1)?.position ?? cursor.position;
    const stored = await dataSource.transaction(async (manager) => {
      const found = await this.checkpoints.lock(manager, this.name);
      // Fencing: a runner that lost its lock, or a rebuild's swap, must not be written over.
      if (found !== cursor.checkpoint)
        throw new CheckpointMovedError(this.name, cursor.checkpoint, found);
      await projection.apply(events, manager);
      return this.checkpoints.save(manager, this.name, next, position);
    });
    return { ...stored, processed: next, skippedBatches: 0 };
  }

  private async load(): Promise<Cursor> {
    const stored = await this.checkpoints.load(this.options.dataSource, this.name);
    this.cursor = { ...stored, processed: stored.checkpoint, skippedBatches: 0 };
    return this.cursor;
  }

  private async processed(): Promise<Checkpoint | null> {
    if (this.active && this.cursor) return this.cursor.processed;
    return (await this.checkpoints.read(this.options.dataSource, this.name)).checkpoint;
  }

  private isAfter(checkpoint: Checkpoint, than: Checkpoint | null): boolean {
    return than === null || this.options.eventStore.compareCheckpoints(checkpoint, than) > 0;
  }

  private retryDelay(failures: number): number {
    const { initial, max } = this.options.retryDelayMs ?? { initial: 100, max: 30_000 };
    return Math.min(max, initial * 2 ** Math.min(failures - 1, 20));
  }

  /** Serialises batches with a rebuild's swap. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
