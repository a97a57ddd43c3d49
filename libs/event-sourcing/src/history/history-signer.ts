import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store/event-store.port';
import type { ProjectionLogger } from '../projections/projection';
import type { ProjectionRunners } from '../projections/projection-runners';
import { recomputeLinks } from './chain-check';
import {
  checkpointSignedBy,
  GLOBAL_GENESIS_HASH,
  HISTORY_CHECKPOINT_SIGNED,
  HISTORY_CHECKPOINT_STREAM,
  signCheckpoint,
  type SignedCheckpoint,
} from './global-chain';
import { HISTORY_LINKS_PROJECTION, type HistoryLinks } from './history-links';
import { HistoryKey } from './history-key';

export interface HistorySignerOptions {
  readonly eventStore: EventStore;
  readonly links: HistoryLinks;
  readonly key: HistoryKey;
  /** The linker's runner: this process signs while it is the one linking. */
  readonly projections: ProjectionRunners;
  /** Sign once this many events were linked since the last checkpoint… */
  readonly everyEvents: number;
  /** …or once this long has passed with any event linked since. */
  readonly everySeconds: number;
  readonly logger: ProjectionLogger;
  /** Another process signs (see `ProjectionRunnersOptions.passive`). */
  readonly passive?: boolean;
}

/** Checkpoints read at once while looking for the newest this key signed (after a rotation). */
const CHECKPOINTS_PER_READ = 16;

export class HistoryChainBrokenError extends Error {
  override readonly name = 'HistoryChainBrokenError';

  constructor(readonly seq: number) {
    super(`the global chain no longer agrees with itself at link ${seq}; nothing signed`);
  }
}

/**
 * Signs the head of the global chain every N events or T seconds (and on demand), as an event of
 * the `history-checkpoint` stream. It signs only links that chain from the last signed head, so
 * links rewritten in between are never blessed.
 */
export class HistorySigner {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private readonly startedAt = Date.now();

  constructor(private readonly options: HistorySignerOptions) {}

  onApplicationBootstrap(): void {
    if (this.options.passive) return;
    const period = Math.min(1000, this.options.everySeconds * 1000);
    this.timer = setInterval(() => {
      this.ticking = this.ticking.then(() => this.tick());
    }, period);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /**
   * The newest checkpoint this key signed, or null before the first. Read newest first a page at
   * a time: the stream grows by one a minute for as long as the system runs, and this is asked
   * every second.
   */
  async latest(): Promise<SignedCheckpoint | null> {
    const publicKey = await this.options.key.publicKey();
    let fromRevision: number | undefined;
    for (;;) {
      const events = await this.options.eventStore.readStream(HISTORY_CHECKPOINT_STREAM, {
        direction: 'backwards',
        maxCount: CHECKPOINTS_PER_READ,
        ...(fromRevision === undefined ? {} : { fromRevision }),
      });
      const found = events.find((event) => checkpointSignedBy(event.data, publicKey));
      if (found) return found.data as SignedCheckpoint;
      const oldest = events.at(-1);
      if (events.length < CHECKPOINTS_PER_READ || !oldest || oldest.revision === 0) return null;
      fromRevision = oldest.revision - 1;
    }
  }

  /** Signs the chain's head now unless the latest checkpoint already covers it; null if empty. */
  async checkpointNow(): Promise<SignedCheckpoint | null> {
    const { links } = this.options;
    const head = await links.head();
    if (!head) return null;
    const latest = await this.latest();
    if (latest && latest.seq >= head.seq) return latest;
    const from = (latest?.seq ?? 0) + 1;
    const { firstBadSeq, headHash } = recomputeLinks(
      latest?.headHash ?? GLOBAL_GENESIS_HASH,
      from,
      await links.range(from, head.seq),
    );
    if (firstBadSeq !== null) throw new HistoryChainBrokenError(firstBadSeq);
    const checkpoint = signCheckpoint(
      { seq: head.seq, linkHash: headHash },
      new Date(),
      await this.options.key.privateKey(),
    );
    const correlationId = randomUUID();
    await this.options.eventStore.append(
      HISTORY_CHECKPOINT_STREAM,
      [
        {
          id: randomUUID(),
          type: HISTORY_CHECKPOINT_SIGNED,
          data: checkpoint,
          metadata: {
            correlationId,
            actor: { id: 'history-signer', role: 'SYSTEM' },
            occurredAt: new Date(checkpoint.signedAt),
            schemaVersion: 1,
          },
        },
      ],
      'any',
    );
    return checkpoint;
  }

  private async tick(): Promise<void> {
    try {
      // One signer at a time without a lock of its own: the process holding the linker's lock.
      if (!this.options.projections.runner(HISTORY_LINKS_PROJECTION).active) return;
      const latest = await this.latest();
      const unsigned = await this.options.links.countUnsignedAfter(
        latest?.seq ?? 0,
        HISTORY_CHECKPOINT_STREAM,
        this.options.everyEvents,
      );
      const since = latest ? Date.parse(latest.signedAt) : this.startedAt;
      const due =
        unsigned >= this.options.everyEvents ||
        (unsigned > 0 && Date.now() - since >= this.options.everySeconds * 1000);
      if (due) await this.checkpointNow();
    } catch (error) {
      this.options.logger.error('history checkpoint failed; trying again', error);
    }
  }
}
