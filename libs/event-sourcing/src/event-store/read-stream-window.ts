import type { ReadStreamOptions, RecordedEvent } from './event-store.port';

/** Applies `readStream` options to a stream's events held in revision order. */
export function readStreamWindow(
  events: readonly RecordedEvent[],
  options: ReadStreamOptions,
): RecordedEvent[] {
  const {
    direction = 'forwards',
    fromRevision,
    maxCount = Number.MAX_SAFE_INTEGER,
    until,
  } = options;
  const visible = until
    ? events.filter((event) => event.metadata.occurredAt <= until)
    : [...events];
  const windowed =
    direction === 'forwards'
      ? visible.filter((event) => fromRevision === undefined || event.revision >= fromRevision)
      : visible
          .filter((event) => fromRevision === undefined || event.revision <= fromRevision)
          .reverse();
  return windowed.slice(0, maxCount);
}
