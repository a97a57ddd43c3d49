import type { StoredEventText } from '../event-store/event-store.port';
import { chainHash, verifyChain } from '../event-store/hash-chain';
import type { ChainLink } from './global-chain';

export type HistoryFindingKind =
  /** The stored content no longer matches the event's own hash. */
  | 'EDITED'
  /** The content and its stream's hashes were rewritten together: the hash differs from the link. */
  | 'RECOMPUTED'
  /** A linked event is gone (also the last ones of a stream). */
  | 'DELETED'
  /** An event the linker never saw at that place. */
  | 'INSERTED'
  /** Two linked events stand in the opposite order. */
  | 'REORDERED'
  /** The stream's own chain is broken in a way none of the above explains. */
  | 'CHAIN_BROKEN'
  /** The links no longer chain to a signed checkpoint. */
  | 'LINKS_REWRITTEN'
  /** A checkpoint event whose signature does not verify with this key. */
  | 'CHECKPOINT_INVALID';

export interface HistoryFinding {
  readonly kind: HistoryFindingKind;
  readonly stream: string | null;
  readonly revision: number | null;
  /** REORDERED: the revision it changed places with. */
  readonly otherRevision?: number;
  readonly detail: string;
}

export function describeFinding(finding: HistoryFinding): string {
  const place =
    finding.stream === null
      ? 'global chain'
      : finding.revision === null
        ? finding.stream
        : `${finding.stream} revision ${finding.revision}`;
  return `${finding.kind}: ${place}: ${finding.detail}`;
}

export interface StreamClassification {
  readonly findings: HistoryFinding[];
  /** Events not linked yet: appended after the linker's last batch. */
  readonly pending: number;
}

/**
 * Compares one stream's stored events with its links. `passedByLinker` says whether the linker
 * has read past an event's place in the global order: an unlinked event there was put in behind
 * its back.
 */
export function classifyStream(
  stream: string,
  links: readonly ChainLink[],
  events: readonly StoredEventText[],
  passedByLinker: (eventId: string) => boolean,
): StreamClassification {
  const findings: HistoryFinding[] = [];
  const at = (kind: HistoryFindingKind, revision: number | null, detail: string, other?: number) =>
    findings.push({
      kind,
      stream,
      revision,
      detail,
      ...(other === undefined ? {} : { otherRevision: other }),
    });
  const linkById = new Map(links.map((link) => [link.eventId, link]));
  const eventById = new Map(events.map((event) => [event.id, event]));

  for (const link of links) {
    if (!eventById.has(link.eventId)) {
      at('DELETED', link.revision, `event ${link.eventId} (linked at ${link.seq}) is missing`);
    }
  }

  const inserted = new Set<string>();
  const highestLinked = Math.max(
    -1,
    ...events.filter((e) => linkById.has(e.id)).map((e) => e.revision),
  );
  let pending = 0;
  for (const event of events) {
    if (linkById.has(event.id)) continue;
    if (passedByLinker(event.id) || event.revision < highestLinked) {
      inserted.add(event.id);
      at('INSERTED', event.revision, `event ${event.id} is not in the global chain`);
    } else {
      pending += 1;
    }
  }
  // Linked in order, a stream's links carry revisions 0, 1, 2…; one linked below what was
  // already linked was slipped in by renumbering the stream.
  links.forEach((link, index) => {
    const event = eventById.get(link.eventId);
    if (event && link.revision < index) {
      inserted.add(link.eventId);
      at('INSERTED', event.revision, `event ${link.eventId} was linked after later revisions`);
    }
  });

  const placed = events.filter((e) => linkById.has(e.id) && !inserted.has(e.id));
  for (let i = 0; i + 1 < placed.length; i++) {
    const [first, second] = [placed[i], placed[i + 1]].map((e) => linkById.get(e?.id ?? ''));
    if (first && second && first.revision > second.revision) {
      at(
        'REORDERED',
        second.revision,
        `revisions ${second.revision} and ${first.revision} changed places`,
        first.revision,
      );
    }
  }

  // Content checks up to the first structural change: after it every hash differs anyway.
  const structural = findings.map((f) => f.revision ?? 0);
  const before = Math.min(Number.POSITIVE_INFINITY, ...structural);
  for (const event of events) {
    if (event.revision >= before) break;
    const link = linkById.get(event.id);
    if (chainHash(event) !== event.hash) {
      at('EDITED', event.revision, 'its stored content no longer matches its hash');
      break;
    }
    if (link && link.eventHash !== event.hash) {
      at(
        'RECOMPUTED',
        event.revision,
        "its content and its stream's hashes were rewritten (its hash differs from the global chain)",
      );
      break;
    }
  }
  if (findings.length === 0) {
    const chain = verifyChain(events.map((e) => ({ ...e })));
    if (!chain.intact) {
      at('CHAIN_BROKEN', chain.firstBrokenRevision, 'the stream no longer chains hash to hash');
    }
  }
  return { findings, pending };
}
