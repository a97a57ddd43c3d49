import type { KeyObject } from 'node:crypto';
import type { StoredEventText } from '../event-store/event-store.port';
import { GENESIS_HASH, chainHash } from '../event-store/hash-chain';
import {
  checkpointSignedBy,
  entryDigest,
  isCheckpoint,
  keyIdOf,
  nextLinkHash,
  type SignedCheckpoint,
} from './global-chain';

export const HISTORY_BUNDLE_FORMAT = 'broute-history-bundle/1';

/** A link of the stream's own (its digest is recomputed from the event) or of another stream. */
export type BundleLink =
  | { readonly seq: number; readonly revision: number }
  | { readonly seq: number; readonly digest: string };

/**
 * One stream's evidence: its stored events, the global chain from its first link to a signed
 * checkpoint (other streams' links only as digests: their names and contents stay out), and
 * that checkpoint.
 */
export interface HistoryBundle {
  readonly format: typeof HISTORY_BUNDLE_FORMAT;
  readonly stream: string;
  readonly exportedAt: string;
  readonly events: readonly StoredEventText[];
  readonly chain: {
    readonly prevLinkHash: string;
    readonly links: readonly BundleLink[];
  };
  readonly checkpoint: SignedCheckpoint;
}

export interface BundleVerification {
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly stream: string | null;
  readonly events: number;
  readonly checkpoint: SignedCheckpoint | null;
}

/** Checks a bundle with nothing but the public key: no database, no server. */
export function verifyBundle(bundle: unknown, publicKey: KeyObject): BundleVerification {
  const problems: string[] = [];
  const b = bundle as Partial<HistoryBundle> | null;
  if (
    typeof b !== 'object' ||
    b === null ||
    b.format !== HISTORY_BUNDLE_FORMAT ||
    typeof b.stream !== 'string' ||
    !Array.isArray(b.events) ||
    typeof b.chain?.prevLinkHash !== 'string' ||
    !Array.isArray(b.chain.links)
  ) {
    return {
      ok: false,
      problems: ['not a history bundle'],
      stream: null,
      events: 0,
      checkpoint: null,
    };
  }
  const { stream, events, chain } = b as HistoryBundle;
  const checkpoint = isCheckpoint(b.checkpoint) ? b.checkpoint : null;
  if (!checkpoint) problems.push('the checkpoint is missing or malformed');
  else if (checkpoint.keyId !== keyIdOf(publicKey)) {
    problems.push(`the checkpoint was signed by key ${checkpoint.keyId}, not by the given key`);
  } else if (!checkpointSignedBy(checkpoint, publicKey)) {
    problems.push('the checkpoint signature does not verify');
  }

  let prevHash = GENESIS_HASH;
  events.forEach((event, index) => {
    const where = `${stream} revision ${index}`;
    if (event.stream !== stream || event.revision !== index) {
      problems.push(`${where}: event out of place (${event.stream} revision ${event.revision})`);
    } else if (event.prevHash !== prevHash) {
      problems.push(`${where}: does not chain to the revision before it`);
    } else if (chainHash(event) !== event.hash) {
      problems.push(`${where}: its content no longer matches its hash`);
    }
    prevHash = event.hash;
  });

  let linkHash = chain.prevLinkHash;
  let expectedRevision = 0;
  let seq: number | null = null;
  for (const link of chain.links) {
    if (seq !== null && link.seq !== seq + 1) {
      problems.push(`global chain: link ${link.seq} does not follow link ${seq}`);
    }
    seq = link.seq;
    let digest: string;
    if ('revision' in link) {
      const event = events[link.revision];
      if (!event || link.revision !== expectedRevision) {
        problems.push(
          `global chain: link ${link.seq} names revision ${link.revision} out of order`,
        );
        digest = '';
      } else {
        digest = entryDigest({
          seq: link.seq,
          eventId: event.id,
          stream,
          revision: event.revision,
          eventHash: event.hash,
        });
      }
      expectedRevision = link.revision + 1;
    } else {
      digest = link.digest;
    }
    linkHash = nextLinkHash(linkHash, digest);
  }
  if (expectedRevision !== events.length) {
    problems.push(
      `global chain: links cover ${expectedRevision} of the ${events.length} events of ${stream}`,
    );
  }
  if (checkpoint && (seq !== checkpoint.seq || linkHash !== checkpoint.headHash)) {
    problems.push(
      `global chain: the links do not lead to the signed head (link ${checkpoint.seq})`,
    );
  }
  return { ok: problems.length === 0, problems, stream, events: events.length, checkpoint };
}
