import type { StreamAppend } from './event-store.port';

/** One part per stream: two parts on one stream would race each other's expected revision. */
export function assertDistinctStreams(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new Error('appendToStreams needs at least one stream');
  const streams = new Set(appends.map((append) => append.stream));
  if (streams.size !== appends.length)
    throw new Error('appendToStreams names a stream more than once');
}
