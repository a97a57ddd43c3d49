import type { Sleep } from '../dispatcher/mail-dispatcher';

/** A clock that moves only when told; its `sleep` moves it instead of waiting. */
export class ManualClock {
  private current: number;

  constructor(start = Date.parse('2026-11-26T01:00:00Z')) {
    this.current = start;
  }

  readonly now = (): Date => new Date(this.current);

  advance(ms: number): void {
    this.current += ms;
  }

  readonly sleep: Sleep = async (ms) => {
    this.advance(ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
}
