import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { GENESIS_HASH } from '../event-store/hash-chain';

/**
 * The global chain: one link per event in the store's commit order, across all streams. A
 * link covers the event's own per-stream hash (which covers its stored ciphertext, so erasing a
 * PII key changes nothing here), and the link before it. Whoever rewrites an event and
 * recomputes its stream's hashes still disagrees with the link; whoever also rewrites the links
 * disagrees with the head signed at the next checkpoint.
 */
export interface LinkEntry {
  /** 1 for the first event ever linked, then one more per event. */
  readonly seq: number;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: number;
  /** The event's per-stream hash as stored when it was linked. */
  readonly eventHash: string;
}

export interface ChainLink extends LinkEntry {
  readonly prevLinkHash: string;
  readonly linkHash: string;
}

export const GLOBAL_GENESIS_HASH = GENESIS_HASH;

/** What one link commits to. Bundles carry only this for other streams' links, never their names. */
export function entryDigest(entry: LinkEntry): string {
  const text = [entry.seq, entry.eventId, entry.stream, entry.revision, entry.eventHash].join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function nextLinkHash(prevLinkHash: string, digest: string): string {
  return createHash('sha256').update(`${prevLinkHash}\n${digest}`, 'utf8').digest('hex');
}

export interface ChainHead {
  readonly seq: number;
  readonly linkHash: string;
}

/** Links `entries` (without their seq) onto `head`, or onto the genesis for the first ever. */
export function linkOnto(
  head: ChainHead | null,
  entries: readonly Omit<LinkEntry, 'seq'>[],
): ChainLink[] {
  let seq = head?.seq ?? 0;
  let prevLinkHash = head?.linkHash ?? GLOBAL_GENESIS_HASH;
  return entries.map((entry) => {
    seq += 1;
    const linked = { ...entry, seq };
    const linkHash = nextLinkHash(prevLinkHash, entryDigest(linked));
    const link = { ...linked, prevLinkHash, linkHash };
    prevLinkHash = linkHash;
    return link;
  });
}

/** A signed statement "the global chain's link `seq` is `headHash`", stored as an event. */
export interface SignedCheckpoint {
  readonly seq: number;
  readonly headHash: string;
  readonly signedAt: string;
  /** `keyIdOf` the signing key's public half. */
  readonly keyId: string;
  /** Ed25519 over `checkpointPayload`, base64. */
  readonly signature: string;
}

export const HISTORY_CHECKPOINT_STREAM = 'history-checkpoint';
export const HISTORY_CHECKPOINT_SIGNED = 'HistoryCheckpointSigned';

function checkpointPayload(seq: number, headHash: string, signedAt: string): Buffer {
  return Buffer.from(`broute-history-checkpoint/1\n${seq}\n${headHash}\n${signedAt}`, 'utf8');
}

/** The first 16 bytes (hex) of SHA-256 over the public key's SPKI DER: names the key in bundles. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

export function signCheckpoint(
  head: ChainHead,
  signedAt: Date,
  privateKey: KeyObject,
): SignedCheckpoint {
  const at = signedAt.toISOString();
  const signature = sign(null, checkpointPayload(head.seq, head.linkHash, at), privateKey);
  return {
    seq: head.seq,
    headHash: head.linkHash,
    signedAt: at,
    keyId: keyIdOf(privateKey),
    signature: signature.toString('base64'),
  };
}

/** False for a wrong signature, another key, or anything not shaped like a checkpoint. */
export function checkpointSignedBy(checkpoint: unknown, publicKey: KeyObject): boolean {
  if (!isCheckpoint(checkpoint)) return false;
  try {
    return verify(
      null,
      checkpointPayload(checkpoint.seq, checkpoint.headHash, checkpoint.signedAt),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

export function isCheckpoint(value: unknown): value is SignedCheckpoint {
  const c = value as Partial<SignedCheckpoint> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    Number.isSafeInteger(c.seq) &&
    typeof c.headHash === 'string' &&
    typeof c.signedAt === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.signature === 'string'
  );
}
