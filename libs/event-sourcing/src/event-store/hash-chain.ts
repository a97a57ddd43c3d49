import { createHash } from 'node:crypto';
import type { StreamVerification } from './event-store.port';

/** The `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** One stored event as the hash sees it: the exact stored text, before decryption or upcasting. */
export interface HashedFields {
  readonly prevHash: string;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string;
}

/**
 * SHA-256 over the fields joined by newlines. The PostgreSQL adapter computes the same digest
 * inside its append function (`concat_ws(E'\n', …)`): change both together or not at all.
 */
export function chainHash(fields: HashedFields): string {
  const canonical = [
    fields.prevHash,
    fields.id,
    fields.stream,
    String(fields.revision),
    fields.type,
    fields.dataText,
    fields.metadataText,
  ].join('\n');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface StoredLink extends HashedFields {
  readonly hash: string;
}

/** The last link of a stream, or null for a new stream. */
export interface StreamTail {
  readonly revision: number;
  readonly hash: string;
}

/** Links events onto a stream's tail exactly as `verifyChain` checks them. */
export function chainOnto(
  stream: string,
  tail: StreamTail | null,
  events: readonly Pick<HashedFields, 'id' | 'type' | 'dataText' | 'metadataText'>[],
): StoredLink[] {
  let prevHash = tail?.hash ?? GENESIS_HASH;
  let revision = tail?.revision ?? -1;
  return events.map(({ id, type, dataText, metadataText }) => {
    revision += 1;
    const fields = { prevHash, id, stream, revision, type, dataText, metadataText };
    const link = { ...fields, hash: chainHash(fields) };
    prevHash = link.hash;
    return link;
  });
}

/** Walks a stream from revision 0; the first event whose link or digest disagrees breaks it. */
export function verifyChain(links: readonly StoredLink[]): StreamVerification {
  let expectedPrev = GENESIS_HASH;
  for (const [index, link] of links.entries()) {
    const intact =
      link.revision === index && link.prevHash === expectedPrev && chainHash(link) === link.hash;
    if (!intact) return { intact: false, events: links.length, firstBrokenRevision: index };
    expectedPrev = link.hash;
  }
  return { intact: true, events: links.length, firstBrokenRevision: null };
}
