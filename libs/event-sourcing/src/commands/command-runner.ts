import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { AggregateStreams, DomainEvent } from '../aggregates/event-sourced-repository';
import type { Decision } from '../domain/decision';
import type { Refusal } from '../domain/refusal';
import { domainErrorOf } from '../errors/domain-error';
import { AppendOutcomeUnknownError, isStoreUnreachable } from '../errors/store-unreachable';
import { WrongExpectedRevisionError } from '../event-store/event-store.errors';
import type {
  Actor,
  Checkpoint,
  EventStore,
  EventToAppend,
  StreamAppend,
} from '../event-store/event-store.port';
import { RequestContext } from '../nest/request-context';
import { CommandSteps } from './command-steps';

/** How long an append whose outcome is unknown is tried again before the client is told so. */
const SETTLE_WAITS_MS = [100, 250, 500, 1000, 1000, 1000, 1000, 1000];

/** An aggregate the runner can load and decide on: its stream, its fold and its decider. */
export interface Aggregate<
  Id,
  Command,
  State,
  Event extends DomainEvent,
  Error,
> extends AggregateStreams<Id, State, Event> {
  readonly decide: (command: Command, state: State, now: Date) => Decision<Event, Error>;
}

export interface CommandMetadata {
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly actor: Actor;
}

/** The metadata of a command made in the current request (or outside one: a fresh correlation). */
export function commandMetadata(actor: Actor): CommandMetadata {
  return { correlationId: RequestContext.correlationId() ?? randomUUID(), actor };
}

/**
 * Where a stream's events go in a store that appends one stream at a time (EventStoreDB): claims
 * before the deciding aggregate, releases after it, so that a half-done command is one a process
 * manager can read off the events. Atomic stores ignore it.
 */
export type AppendOrder = 'before' | 'with' | 'after';

/** One loaded stream within a command: its state moves with every decision taken on it. */
export class AggregateInCommand<Command, State, Event extends DomainEvent, Error> {
  private readonly pending: Event[] = [];

  constructor(
    private readonly aggregate: Aggregate<never, Command, State, Event, Error>,
    readonly stream: string,
    private folded: State,
    /** The stream's revision when loaded, -1 when it did not exist. */
    readonly loadedRevision: number,
    private readonly now: Date,
    readonly order: AppendOrder,
  ) {}

  get state(): State {
    return this.folded;
  }

  /** The revision once this command's events are appended. */
  get revision(): number {
    return this.loadedRevision + this.pending.length;
  }

  get events(): readonly Event[] {
    return this.pending;
  }

  /** Decides on the current state; the decision's events (a refusal's too) are kept for the append. */
  decide(command: Command): Decision<Event, Error> {
    const decision = this.aggregate.decide(command, this.folded, this.now);
    this.record(decision.events);
    return decision;
  }

  record(events: readonly Event[]): void {
    for (const event of events) {
      this.folded = this.aggregate.evolve(this.folded, event);
      this.pending.push(event);
    }
  }

  toAppend(metadata: CommandMetadata): StreamAppend | null {
    if (this.pending.length === 0) return null;
    const events: EventToAppend[] = this.pending.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: {
        correlationId: metadata.correlationId,
        causationId: metadata.causationId ?? null,
        actor: metadata.actor,
        occurredAt: this.now,
        schemaVersion: this.aggregate.schemaVersion,
      },
    }));
    const expected = this.loadedRevision < 0 ? 'no_stream' : this.loadedRevision;
    return { stream: this.stream, events, expected };
  }
}

/** What one attempt of a command sees: the streams it loaded and the one `now` it decides at. */
export class CommandScope {
  private readonly loaded = new Map<
    string,
    AggregateInCommand<never, unknown, DomainEvent, unknown>
  >();

  constructor(
    private readonly store: EventStore,
    readonly now: Date,
  ) {}

  /** Loads a stream once per command; a second load of the same stream returns the same one. */
  async load<Id, Command, State, Event extends DomainEvent, Error>(
    aggregate: Aggregate<Id, Command, State, Event, Error>,
    id: Id,
    order: AppendOrder = 'with',
  ): Promise<AggregateInCommand<Command, State, Event, Error>> {
    const stream = aggregate.stream(id);
    const known = this.loaded.get(stream);
    if (known) return known as unknown as AggregateInCommand<Command, State, Event, Error>;
    const recorded = await this.store.readStream(stream);
    const state = recorded.reduce(
      (folded, event) => aggregate.evolve(folded, aggregate.toEvent(event)),
      aggregate.initialState,
    );
    return this.keep(aggregate, stream, state, recorded.at(-1)?.revision ?? -1, order);
  }

  /**
   * A stream this command starts under an ID it has just taken (from a sequence): nothing to read.
   * Its append expects no stream, so a stream that exists after all is a conflict, never a write
   * on top of it.
   */
  start<Id, Command, State, Event extends DomainEvent, Error>(
    aggregate: Aggregate<Id, Command, State, Event, Error>,
    id: Id,
    order: AppendOrder = 'with',
  ): AggregateInCommand<Command, State, Event, Error> {
    const stream = aggregate.stream(id);
    if (this.loaded.has(stream)) throw new Error(`${stream} is already loaded in this command`);
    return this.keep(aggregate, stream, aggregate.initialState, -1, order);
  }

  private keep<Id, Command, State, Event extends DomainEvent, Error>(
    aggregate: Aggregate<Id, Command, State, Event, Error>,
    stream: string,
    state: State,
    revision: number,
    order: AppendOrder,
  ): AggregateInCommand<Command, State, Event, Error> {
    const loaded = new AggregateInCommand(aggregate, stream, state, revision, this.now, order);
    this.loaded.set(
      stream,
      loaded as unknown as AggregateInCommand<never, unknown, DomainEvent, unknown>,
    );
    return loaded;
  }

  /** Appends every loaded stream's new events with its expected revision, all or nothing. */
  async append(metadata: CommandMetadata): Promise<Checkpoint | null> {
    const rank = { before: 0, with: 1, after: 2 } as const;
    const parts = [...this.loaded.values()]
      .sort((a, b) => rank[a.order] - rank[b.order])
      .map((loaded) => loaded.toAppend(metadata))
      .filter((part) => part !== null);
    if (parts.length === 0) return null;
    try {
      return await this.appendParts(parts);
    } catch (error) {
      if (!(error instanceof AppendOutcomeUnknownError)) throw error;
      return this.settle(parts, error);
    }
  }

  private async appendParts(parts: readonly StreamAppend[]): Promise<Checkpoint> {
    const [only] = parts;
    if (only && parts.length === 1) {
      return (await this.store.append(only.stream, only.events, only.expected)).checkpoint;
    }
    return (await this.store.appendToStreams(parts)).checkpoint;
  }

  /**
   * The connection was lost after the append was sent. The same events again (same ids: appends
   * are idempotent by event id) either find them stored, or store them now; a refusal then is a
   * real one, as nothing of this command was stored. While the store stays unreachable the
   * outcome stays unknown.
   */
  private async settle(
    parts: readonly StreamAppend[],
    unknown: AppendOutcomeUnknownError,
  ): Promise<Checkpoint> {
    for (const wait of SETTLE_WAITS_MS) {
      await delay(wait);
      try {
        return await this.appendParts(parts);
      } catch (error) {
        if (!(error instanceof AppendOutcomeUnknownError) && !isStoreUnreachable(error))
          throw error;
      }
    }
    throw unknown;
  }
}

export interface CommandRunnerOptions {
  /**
   * How often a command is decided again when another writer got in first. Each retry loads
   * the new state and decides again: exactly what running the two commands one after the other does.
   */
  readonly maxAttempts?: number;
}

export interface CommandResult<T> {
  readonly value: T;
  /** Where the append landed, for read-your-writes waits; null when nothing was appended. */
  readonly checkpoint: Checkpoint | null;
  readonly now: Date;
}

/**
 * The one write path: load the streams a command touches, read the clock once, decide, append
 * with expected revisions (several streams in one atomic append), answer from the folded state.
 */
export class CommandRunner {
  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date,
    private readonly options: CommandRunnerOptions = {},
  ) {}

  /**
   * `prepare` runs once, at the command's `now`, before the first attempt: work that must not be
   * repeated on a retry (taking an ID from a sequence, sealing personal data). Streams it loads
   * into `scope`, the first attempt's, serve that attempt without a second read; their appends
   * still expect the revisions read, and a retry reads them again.
   */
  async run<T, P = void>(
    metadata: CommandMetadata,
    command: (scope: CommandScope, prepared: P) => Promise<T> | T,
    options: CommandRunnerOptions & {
      readonly prepare?: (now: Date, scope: CommandScope) => Promise<P>;
    } = {},
  ): Promise<CommandResult<T>> {
    const maxAttempts = options.maxAttempts ?? this.options.maxAttempts ?? 1;
    const now = this.clock();
    const first = new CommandScope(this.store, now);
    const prepared = (options.prepare ? await options.prepare(now, first) : undefined) as P;
    await CommandSteps.reached('prepared');
    for (let attempt = 1; ; attempt++) {
      const scope = attempt === 1 ? first : new CommandScope(this.store, now);
      const value = await command(scope, prepared);
      await CommandSteps.reached('decided');
      try {
        const checkpoint = await scope.append(metadata);
        await CommandSteps.reached('appended');
        return { value, checkpoint, now };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxAttempts) throw error;
      }
    }
  }
}

/** For deciders whose refusals record nothing: the events, or the refusal thrown as a DomainError. */
export function acceptedOrThrow<Event>(decision: Decision<Event, Refusal>): readonly Event[] {
  if (!decision.ok) throw domainErrorOf(decision.error);
  return decision.events;
}
