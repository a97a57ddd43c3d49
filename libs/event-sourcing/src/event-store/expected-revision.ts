import type { ExpectedRevision } from './event-store.port';

/** Whether a stream at `current` (-1: no stream) meets the caller's expectation. */
export function satisfies(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    default:
      return expected === current;
  }
}
