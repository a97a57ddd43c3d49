import type {
  AppendedEvent,
  Checkpoint,
  EventStore,
  StoreHead,
} from '../event-store/event-store.port';
import type { Projection, ProjectionStatus } from './projection';
import { isStoreUnreachable } from '../errors/store-unreachable';
import { RequestContext } from '../nest/request-context';
import { ProjectionWaitTimeoutError, UnknownProjectionError } from './projection.errors';
import { ProjectionLocks } from './projection-locks';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';

export interface ProjectionRunnersOptions extends Omit<
  ProjectionRunnerOptions,
  'projection' | 'locks'
> {
  readonly projections: readonly Projection[];
  /**
   * Leave running the projections to another process and only read their checkpoints (waits,
   * status): a tool on the API's embedded database, whose one shared PGlite session makes the
   * advisory lock exclude nobody.
   */
  readonly passive?: boolean;
  /**
   * The store this process appends through, when the runners read through another one over
   * their own pool: its appends wake them. Defaults to `eventStore`.
   */
  readonly appends?: Pick<EventStore, 'onAppended'>;
}

/**
 * The runners of one process over one data source. Its lifecycle methods match Nest's hooks, so an
 * app registers it with `useFactory` and needs no wrapper.
 */
export class ProjectionRunners {
  private readonly locks: ProjectionLocks;
  private readonly runners = new Map<string, ProjectionRunner>();
  private stopWaking: (() => void) | undefined;

  constructor(private readonly options: ProjectionRunnersOptions) {
    this.locks = new ProjectionLocks(options.dataSource);
    for (const projection of options.projections) {
      if (this.runners.has(projection.name))
        throw new Error(`two projections named ${projection.name}`);
      this.runners.set(
        projection.name,
        new ProjectionRunner({ ...options, projection, locks: this.locks }),
      );
    }
  }

  get names(): string[] {
    return [...this.runners.keys()];
  }

  runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new UnknownProjectionError(name);
    return runner;
  }

  start(): void {
    for (const runner of this.runners.values()) runner.start();
    const appends = this.options.appends ?? this.options.eventStore;
    this.stopWaking ??= appends.onAppended((appended) => this.wake(appended));
  }

  async stop(): Promise<void> {
    this.stopWaking?.();
    this.stopWaking = undefined;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    await this.locks.close();
  }

  onApplicationBootstrap(): void {
    if (!this.options.passive) this.start();
  }

  /**
   * Before any shutdown hook: TypeORM's own hook destroys the data source, and a runner still
   * mid-batch (or taking its lock) would then fail and log an error for a clean stop.
   */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** For /health and /metrics: never throws for an unreadable store, reports unknown lag instead. */
  async status(): Promise<ProjectionStatus[]> {
    const head: StoreHead | null = await this.options.eventStore.head().catch(() => null);
    return Promise.all([...this.runners.values()].map((runner) => runner.status(head)));
  }

  waitFor(name: string, checkpoint: Checkpoint, timeoutMs: number): Promise<void> {
    return this.runner(name).waitFor(checkpoint, timeoutMs);
  }

  /**
   * Read-your-writes after a mutation: waits until each named read model has applied
   * `checkpoint`. One that has not within `timeoutMs` is noted on the request as behind (the
   * gateway tells the client in the response's extensions) instead of failing the mutation,
   * which has happened: an error would invite a retry of a write that was done. Returns those.
   */
  async awaitReadModels(
    names: readonly string[],
    checkpoint: Checkpoint,
    timeoutMs: number,
  ): Promise<string[]> {
    const outcomes = await Promise.all(
      names.map((name) =>
        this.waitFor(name, checkpoint, timeoutMs).then(
          () => null,
          (error: unknown) => {
            // The write is done: a read model that cannot be asked now is behind, not a failure.
            if (error instanceof ProjectionWaitTimeoutError || isStoreUnreachable(error))
              return name;
            throw error;
          },
        ),
      ),
    );
    const behind = outcomes.filter((name): name is string => name !== null);
    for (const name of behind) RequestContext.noteReadModelBehind(name);
    if (behind.length > 0)
      this.options.logger.warn(
        `read models ${behind.join(', ')} had not reached ${checkpoint} after ${timeoutMs} ms; answering without them`,
      );
    return behind;
  }

  /**
   * Wakes the runners after this process appended: those whose filter takes one of `appended`
   * (all when it is not known). The others would read only to skip, costing a read and a
   * checkpoint write per append; they move past those events at their next poll, or at once
   * when someone waits for them (`waitFor` wakes its runner itself).
   */
  wake(appended?: readonly AppendedEvent[]): void {
    for (const runner of this.runners.values())
      if (!appended || appended.some(({ stream, type }) => runner.takes(stream, type)))
        runner.wake();
  }

  /** The projections `rebuild` accepts. */
  get rebuildableNames(): string[] {
    return this.options.projections.filter((p) => p.rebuildable !== false).map((p) => p.name);
  }

  rebuild(name: string): Promise<void> {
    if (!this.rebuildableNames.includes(name)) {
      return Promise.reject(new Error(`projection ${name} is evidence and is never rebuilt`));
    }
    return this.runner(name).rebuild();
  }
}
