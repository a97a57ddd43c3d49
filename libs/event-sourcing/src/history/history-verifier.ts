import type { Checkpoint, EventStore, StoredEventText } from '../event-store/event-store.port';
import type { ProjectionRunners } from '../projections/projection-runners';
import { recomputeLinks } from './chain-check';
import {
  checkpointSignedBy,
  entryDigest,
  GLOBAL_GENESIS_HASH,
  HISTORY_CHECKPOINT_STREAM,
  type SignedCheckpoint,
} from './global-chain';
import {
  HISTORY_BUNDLE_FORMAT,
  verifyBundle,
  type BundleLink,
  type HistoryBundle,
} from './history-bundle';
import { classifyStream, describeFinding, type HistoryFinding } from './history-finding';
import type { HistoryKey } from './history-key';
import { HISTORY_LINKS_PROJECTION, type HistoryLinks, type StoredChainLink } from './history-links';
import type { HistorySigner } from './history-signer';

export interface HistoryReport {
  readonly findings: readonly HistoryFinding[];
  readonly streams: number;
  readonly events: number;
  readonly links: number;
  /** The newest checkpoint that verifies with this key, or null before the first. */
  readonly signedThrough: SignedCheckpoint | null;
  /** Events linked after that checkpoint: checked against their links, not yet signed. */
  readonly unsignedLinks: number;
  /** Events not linked yet. */
  readonly pending: number;
}

export interface StreamReport {
  readonly stream: string;
  readonly events: number;
  readonly findings: readonly HistoryFinding[];
  /** The checkpoint covering the stream's last link, or null when none does yet. */
  readonly signedBy: SignedCheckpoint | null;
  readonly pending: number;
}

export class HistoryTamperedError extends Error {
  override readonly name = 'HistoryTamperedError';

  constructor(readonly findings: readonly HistoryFinding[]) {
    super(`the history is not intact: ${findings.map(describeFinding).join('; ')}`);
  }
}

export interface HistoryVerifierOptions {
  readonly eventStore: EventStore;
  readonly links: HistoryLinks;
  readonly signer: HistorySigner;
  readonly key: HistoryKey;
  readonly projections: ProjectionRunners;
}

const SETTLE_TIMEOUT_MS = 10_000;

/**
 * Checks the events against the global chain and the chain against its signed checkpoints: the
 * auditor's answer to "has anyone with database access rewritten this history?".
 */
export class HistoryVerifier {
  constructor(private readonly options: HistoryVerifierOptions) {}

  /**
   * Links everything visible now (with `stream`: until the linker has passed its last event) and
   * signs the head, so a check covers the latest events.
   */
  async settle(stream?: string): Promise<void> {
    const { eventStore, projections, signer } = this.options;
    if (stream === undefined) {
      const head = await eventStore.head();
      if (head.checkpoint !== null) {
        await projections.waitFor(HISTORY_LINKS_PROJECTION, head.checkpoint, SETTLE_TIMEOUT_MS);
      }
    } else {
      const [last] = await eventStore.readStream(stream, { direction: 'backwards', maxCount: 1 });
      // The store's own checkpoint: another transaction still open may hide it from the linker
      // for a moment (the gap-free reader), so this waits on the links rather than on the head.
      if (last) await this.untilLinkedPast(last.checkpoint);
    }
    await signer.checkpointNow();
  }

  private async untilLinkedPast(checkpoint: Checkpoint): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      const head = await this.options.links.head();
      if (head && this.options.eventStore.compareCheckpoints(checkpoint, head.checkpoint) <= 0)
        return;
      if (Date.now() > deadline) return;
      this.options.projections.wake();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async verifyAll(): Promise<HistoryReport> {
    const { eventStore, links } = this.options;
    const head = await links.head();
    const all = head ? await links.range(1, head.seq) : [];
    const findings: HistoryFinding[] = [];
    const recomputed = recomputeLinks(GLOBAL_GENESIS_HASH, 1, all);
    if (recomputed.firstBadSeq !== null) {
      const bad = all[recomputed.firstBadSeq - 1];
      findings.push({
        kind: 'LINKS_REWRITTEN',
        stream: bad?.stream ?? null,
        revision: bad?.revision ?? null,
        detail: `link ${recomputed.firstBadSeq} no longer chains to the link before it`,
      });
    }
    const { valid, invalid } = await this.checkpoints();
    findings.push(...invalid);
    for (const checkpoint of valid) {
      if (recomputed.computed[checkpoint.seq - 1] !== checkpoint.headHash) {
        findings.push({
          kind: 'LINKS_REWRITTEN',
          stream: null,
          revision: null,
          detail: `the links up to ${checkpoint.seq} no longer match the checkpoint signed at ${checkpoint.signedAt}`,
        });
      }
    }

    const checkpoints = new Map<string, Checkpoint>();
    const streams = new Set<string>();
    for (let after: Checkpoint | null = null; ;) {
      const batch = await eventStore.readAll({ after, batchSize: 5000 });
      for (const event of batch.events) {
        checkpoints.set(event.id, event.checkpoint);
        streams.add(event.stream);
      }
      after = batch.checkpoint ?? after;
      if (batch.isEnd) break;
    }
    const byStream = new Map<string, StoredChainLink[]>();
    for (const link of all) {
      const list = byStream.get(link.stream) ?? [];
      list.push(link);
      byStream.set(link.stream, list);
    }
    for (const stream of byStream.keys()) streams.add(stream);
    const passed = this.passedByLinker(head, checkpoints);
    let events = 0;
    let pending = 0;
    for (const stream of [...streams].sort()) {
      const stored = await eventStore.readStoredStream(stream);
      events += stored.length;
      const result = classifyStream(stream, byStream.get(stream) ?? [], stored, passed);
      findings.push(...result.findings);
      pending += result.pending;
    }
    const signedThrough = valid.at(-1) ?? null;
    return {
      findings,
      streams: streams.size,
      events,
      links: all.length,
      signedThrough,
      unsignedLinks: all.length - (signedThrough?.seq ?? 0),
      pending,
    };
  }

  /** One stream, and its place in the global chain up to the checkpoint that covers it. */
  async verifyStream(stream: string): Promise<StreamReport> {
    const { eventStore, links } = this.options;
    const [own, stored, recorded, head] = [
      await links.ofStream(stream),
      await eventStore.readStoredStream(stream),
      await eventStore.readStream(stream),
      await links.head(),
    ];
    const checkpoints = new Map(recorded.map((event) => [event.id, event.checkpoint]));
    const result = classifyStream(stream, own, stored, this.passedByLinker(head, checkpoints));
    const findings = [...result.findings];
    const first = own[0];
    const last = own.at(-1);
    let signedBy: SignedCheckpoint | null = null;
    if (first && last) {
      const { valid } = await this.checkpoints();
      signedBy = valid.find((checkpoint) => checkpoint.seq >= last.seq) ?? null;
      if (signedBy) {
        const segment = await links.range(first.seq, signedBy.seq);
        const { firstBadSeq, headHash } = recomputeLinks(first.prevLinkHash, first.seq, segment);
        if (firstBadSeq !== null || headHash !== signedBy.headHash) {
          const bad = own.find((link) => link.seq >= (firstBadSeq ?? first.seq)) ?? first;
          findings.push({
            kind: 'LINKS_REWRITTEN',
            stream,
            revision: bad.revision,
            detail: `its links no longer lead to the checkpoint signed at ${signedBy.signedAt}`,
          });
        }
      }
    }
    return { stream, events: stored.length, findings, signedBy, pending: result.pending };
  }

  /** The evidence bundle of an intact stream, signed by a checkpoint covering all its events. */
  async exportBundle(stream: string): Promise<HistoryBundle> {
    await this.settle(stream);
    const report = await this.verifyStream(stream);
    if (report.findings.length > 0) throw new HistoryTamperedError(report.findings);
    if (report.events === 0) throw new Error(`${stream}: no such history`);
    const { signedBy: checkpoint } = report;
    if (!checkpoint || report.pending > 0) {
      throw new Error(`${stream}: not every event is linked and signed yet; try again`);
    }
    const { links, eventStore } = this.options;
    const own = await links.ofStream(stream);
    const first = own[0];
    if (!first) throw new Error(`${stream}: not linked yet`);
    const segment = await links.range(first.seq, checkpoint.seq);
    const chainLinks: BundleLink[] = segment.map((link) =>
      link.stream === stream
        ? { seq: link.seq, revision: link.revision }
        : { seq: link.seq, digest: entryDigest(link) },
    );
    const bundle: HistoryBundle = {
      format: HISTORY_BUNDLE_FORMAT,
      stream,
      exportedAt: new Date().toISOString(),
      events: (await eventStore.readStoredStream(stream)).map(storedText),
      chain: { prevLinkHash: first.prevLinkHash, links: chainLinks },
      checkpoint,
    };
    const check = verifyBundle(bundle, await this.options.key.publicKey());
    if (!check.ok)
      throw new Error(`the exported bundle does not verify: ${check.problems.join('; ')}`);
    return bundle;
  }

  private async checkpoints(): Promise<{
    valid: SignedCheckpoint[];
    invalid: HistoryFinding[];
  }> {
    const publicKey = await this.options.key.publicKey();
    const events = await this.options.eventStore.readStream(HISTORY_CHECKPOINT_STREAM);
    const valid: SignedCheckpoint[] = [];
    const invalid: HistoryFinding[] = [];
    for (const event of events) {
      if (checkpointSignedBy(event.data, publicKey)) valid.push(event.data as SignedCheckpoint);
      else {
        invalid.push({
          kind: 'CHECKPOINT_INVALID',
          stream: HISTORY_CHECKPOINT_STREAM,
          revision: event.revision,
          detail: 'its signature does not verify with this key',
        });
      }
    }
    valid.sort((a, b) => a.seq - b.seq);
    return { valid, invalid };
  }

  private passedByLinker(
    head: StoredChainLink | null,
    checkpoints: Map<string, Checkpoint>,
  ): (eventId: string) => boolean {
    const { eventStore } = this.options;
    return (eventId) => {
      const checkpoint = checkpoints.get(eventId);
      // Appended after the global read began: judged by its revision alone.
      if (checkpoint === undefined || head === null) return false;
      return eventStore.compareCheckpoints(checkpoint, head.checkpoint) <= 0;
    };
  }
}

function storedText(event: StoredEventText): StoredEventText {
  const { id, stream, revision, type, dataText, metadataText, prevHash, hash } = event;
  return { id, stream, revision, type, dataText, metadataText, prevHash, hash };
}
