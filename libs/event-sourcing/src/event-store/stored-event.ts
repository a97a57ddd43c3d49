import { canonicalJson } from './canonical-json';
import type { Actor, EventFilter, EventToAppend, RecordedEvent } from './event-store.port';
import type { Upcasters } from './upcasters';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An event as every adapter stores it: canonical text for data and metadata, hashes aside. */
export interface EncodedEvent {
  readonly id: string;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string;
  readonly occurredAt: Date;
}

interface StoredMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor | null;
  readonly occurredAt: string;
  readonly schemaVersion: number;
}

export function encodeEvent(event: EventToAppend): EncodedEvent {
  const id = event.id.toLowerCase();
  if (!UUID.test(id)) throw new TypeError(`event id ${event.id} is not a UUID`);
  const { metadata } = event;
  const stored: StoredMetadata = {
    correlationId: metadata.correlationId,
    causationId: metadata.causationId ?? null,
    actor: metadata.actor ?? null,
    occurredAt: metadata.occurredAt.toISOString(),
    schemaVersion: metadata.schemaVersion,
  };
  return {
    id,
    type: event.type,
    dataText: canonicalJson(event.data),
    metadataText: canonicalJson(stored),
    occurredAt: metadata.occurredAt,
  };
}

/** A stored row as adapters read it back, before parsing. */
export interface StoredRow {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: bigint;
  readonly checkpoint: string;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string;
  readonly prevHash: string;
  readonly hash: string;
}

export function decodeRow(row: StoredRow, upcasters: Upcasters): RecordedEvent {
  const stored = JSON.parse(row.metadataText) as StoredMetadata;
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    checkpoint: row.checkpoint,
    type: row.type,
    data: upcasters.apply(row.type, stored.schemaVersion, JSON.parse(row.dataText)),
    metadata: {
      correlationId: stored.correlationId,
      causationId: stored.causationId,
      actor: stored.actor,
      occurredAt: new Date(stored.occurredAt),
      schemaVersion: stored.schemaVersion,
      prevHash: row.prevHash,
      hash: row.hash,
    },
  };
}

export interface SkipLogger {
  warn(message: string, ...details: unknown[]): void;
}

/**
 * For readers of the whole log (projections): an event they cannot decode (data that is not
 * JSON, an event another writer put in a matching stream, an upcaster that throws) is logged and
 * left out, and the checkpoint moves past it, instead of stopping every projection at it for
 * good. Aggregates read their streams without this: a decision on a stream with a hole is worse
 * than none.
 */
export function decodeOrSkip(
  decode: () => RecordedEvent,
  where: { readonly stream: string; readonly revision: number | bigint; readonly type: string },
  logger: SkipLogger,
): RecordedEvent | null {
  try {
    return decode();
  } catch (error) {
    logger.warn(
      `skipped event ${where.stream}@${where.revision} (${where.type}): it cannot be decoded`,
      error,
    );
    return null;
  }
}

export function matchesFilter(
  stream: string,
  type: string,
  filter: EventFilter | undefined,
): boolean {
  if (!filter) return true;
  const { streamPrefixes, types } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => stream.startsWith(prefix))) return false;
  return !types || types.includes(type);
}
