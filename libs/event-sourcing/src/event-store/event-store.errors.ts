import type { ExpectedRevision } from './event-store.port';

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    super(`stream ${stream} is at revision ${actual}, expected ${String(expected)}`);
  }
}

/** Some, but not all, of an append's event ids were recorded before, or recorded elsewhere. */
export class IdempotencyViolationError extends Error {
  override readonly name = 'IdempotencyViolationError';
  constructor(
    readonly stream: string,
    readonly eventIds: readonly string[],
  ) {
    super(`events ${eventIds.join(', ')} were already appended differently than to ${stream}`);
  }
}
