import type { EventStore, ProcessedUpTo, StoreHead } from './event-store.port';

/**
 * Lag where global positions number the events one by one (PostgreSQL, in-memory): the distance
 * between positions. Positions follow commit order only roughly, so a reader whose checkpoint is
 * behind the head counts at least one.
 */
export function sequenceLag(
  store: Pick<EventStore, 'compareCheckpoints'>,
  processed: ProcessedUpTo,
  head: StoreHead,
): number {
  if (head.checkpoint === null) return 0;
  if (
    processed.checkpoint !== null &&
    store.compareCheckpoints(head.checkpoint, processed.checkpoint) <= 0
  )
    return 0;
  return Number(head.position > processed.position ? head.position - processed.position : 1n);
}
