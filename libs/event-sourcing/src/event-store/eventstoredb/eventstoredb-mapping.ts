import { canonicalJson } from '../canonical-json';
import type { Checkpoint, ExpectedRevision } from '../event-store.port';
import { chainOnto, type StreamTail } from '../hash-chain';
import type { EncodedEvent, StoredRow } from '../stored-event';

/**
 * The pure half of the EventStoreDB adapter: checkpoints, expected revisions and the event layout.
 * It knows the wire shapes but never imports the client, so a client upgrade changes one file.
 */

/** A `$all` position as the client reports it. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export function positionCheckpoint(position: EsdbPosition): Checkpoint {
  return `${position.commit}/${position.prepare}`;
}

export function parseCheckpoint(checkpoint: Checkpoint): EsdbPosition {
  const match = /^(\d+)\/(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not an EventStoreDB checkpoint: ${checkpoint}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export function comparePositions(a: EsdbPosition, b: EsdbPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** The client's `expectedRevision` values (`streamState` in @kurrent/kurrentdb-client). */
export type EsdbExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/**
 * What to send with an append whose hash chain was computed on the stream at `current`. `any` and
 * `stream_exists` become that exact revision: a looser check would let a concurrent append slip
 * in between and fork the chain.
 */
export function esdbExpectedRevision(
  expected: ExpectedRevision,
  current: number,
): EsdbExpectedRevision {
  if (typeof expected === 'number') {
    if (!Number.isSafeInteger(expected) || expected < -1)
      throw new RangeError(`not a stream revision: ${expected}`);
    return expected === -1 ? 'no_stream' : BigInt(expected);
  }
  if (expected === 'no_stream') return 'no_stream';
  return current < 0 ? 'no_stream' : BigInt(current);
}

/** A conflict's current revision as the port reports it. */
export function actualRevision(current: 'no_stream' | bigint): number {
  return current === 'no_stream' ? -1 : Number(current);
}

/** Keys the adapter adds to the stored metadata text in ESDB's metadata. */
const CHAIN_KEYS = ['prevHash', 'hash', 'commitId'] as const;

export interface ChainedMetadata {
  readonly metadataText: string;
  readonly prevHash: string;
  readonly hash: string;
  /** One id per `append` call, shared by its events: tells this writer's events from a twin's. */
  readonly commitId: string;
}

export function encodeEsdbMetadata(metadata: ChainedMetadata): Record<string, unknown> {
  const stored = parseObject(metadata.metadataText, 'stored metadata');
  const clash = CHAIN_KEYS.find((key) => key in stored);
  if (clash) throw new Error(`stored metadata already has a ${clash} member`);
  return {
    ...stored,
    prevHash: metadata.prevHash,
    hash: metadata.hash,
    commitId: metadata.commitId,
  };
}

/** Canonical JSON is its own fixed point, so re-serialising the parsed metadata restores the hashed text. */
export function decodeEsdbMetadata(metadata: unknown): ChainedMetadata {
  if (!isObject(metadata)) throw new Error('EventStoreDB metadata is not a JSON object');
  const { prevHash, hash, commitId, ...stored } = metadata;
  if (typeof prevHash !== 'string' || typeof hash !== 'string' || typeof commitId !== 'string') {
    throw new Error('EventStoreDB metadata lacks prevHash, hash or commitId');
  }
  return { metadataText: canonicalJson(stored), prevHash, hash, commitId };
}

/** An event ready for `jsonEvent`: parsed data, since the client serialises it once more. */
export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
}

/** Links the events to the stream's tail (`null` for a new stream) exactly as `verifyChain` checks. */
export function chainEvents(
  stream: string,
  events: readonly EncodedEvent[],
  tail: StreamTail | null,
  commitId: string,
): ProposedEvent[] {
  return chainOnto(stream, tail, events).map((link) => ({
    id: link.id,
    type: link.type,
    data: JSON.parse(link.dataText) as unknown,
    metadata: encodeEsdbMetadata({
      metadataText: link.metadataText,
      prevHash: link.prevHash,
      hash: link.hash,
      commitId,
    }),
  }));
}

/** The fields of the client's recorded event the adapter reads; the client's type fits it as is. */
export interface EsdbRecord {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: EsdbPosition;
}

export interface EsdbStoredRow extends StoredRow {
  readonly commitId: string;
}

/**
 * The client hands back parsed JSON; the data text is its canonical form again. The hash thus
 * covers the stored value, not its bytes: they differ only in the order of integer-like keys,
 * which `JSON.stringify` puts first.
 */
export function toStoredRow(record: EsdbRecord): EsdbStoredRow {
  const where = `${record.streamId}@${record.revision}`;
  if (!record.isJson)
    throw new Error(`event ${where} is not JSON: it was not written by this event store`);
  if (!record.position)
    throw new Error(
      `event ${where} came without its $all position (EventStoreDB 22.6 or later reports it)`,
    );
  const { metadataText, prevHash, hash, commitId } = decodeEsdbMetadata(record.metadata);
  return {
    id: record.id.toLowerCase(),
    stream: record.streamId,
    revision: Number(record.revision),
    position: record.position.commit,
    checkpoint: positionCheckpoint(record.position),
    type: record.type,
    dataText: canonicalJson(record.data),
    metadataText,
    prevHash,
    hash,
    commitId,
  };
}

/** ESDB's own records (`$>` links, `$metadata`, stats, projections) are not domain events. */
export function isSystemEvent(stream: string, type: string): boolean {
  return stream.startsWith('$') || type.startsWith('$');
}

/**
 * Whether the connection uses TLS. The client's default is TLS; only `tls=false` turns it off
 * (an insecure server, which authenticates nobody).
 */
export function usesTls(connectionString: string): boolean {
  const query = connectionString.split('?')[1]?.split('#')[0] ?? '';
  const tls = new URLSearchParams(query.toLowerCase()).get('tls');
  return tls !== 'false';
}

/**
 * Errors after which an append may or may not have been written: the call timed out, was cut off
 * or cancelled on its way. Matched on the client's error `type`, so this file needs no import.
 */
const UNKNOWN_OUTCOME_TYPES = new Set(['deadline-exceeded', 'unavailable', 'cancelled', 'timeout']);

export function isUnknownOutcome(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' && UNKNOWN_OUTCOME_TYPES.has(type);
}

/** Whether `esdb://user:password@host…` names its own user. */
export function hasUserInfo(connectionString: string): boolean {
  return /^[a-z+]+:\/\/[^/?#@]+@/i.test(connectionString);
}

function parseObject(text: string, what: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (!isObject(value)) throw new Error(`${what} is not a JSON object`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}
