import type { Checkpoint } from '../event-store/event-store.port';

export class ProjectionWaitTimeoutError extends Error {
  constructor(
    readonly projection: string,
    readonly checkpoint: Checkpoint,
    readonly timeoutMs: number,
  ) {
    super(`projection ${projection} did not reach ${checkpoint} within ${timeoutMs} ms`);
    this.name = 'ProjectionWaitTimeoutError';
  }
}

/** Another runner (in this process or another) holds the projection. */
export class ProjectionLockedError extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection} is held by another runner`);
    this.name = 'ProjectionLockedError';
  }
}

export class UnknownProjectionError extends Error {
  constructor(readonly projection: string) {
    super(`no projection named ${projection}`);
    this.name = 'UnknownProjectionError';
  }
}

/** The stored checkpoint is not the one this runner last wrote: someone else advanced or reset it. */
export class CheckpointMovedError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: Checkpoint | null,
    readonly found: Checkpoint | null,
  ) {
    super(
      `checkpoint of projection ${projection} moved from ${expected ?? 'start'} to ${found ?? 'start'}`,
    );
    this.name = 'CheckpointMovedError';
  }
}
