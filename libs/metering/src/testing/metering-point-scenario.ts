import type { MeteringPointErrorReason } from '../domain/metering-point-error';
import type { MeteringPointCommand } from '../domain/metering-point.command';
import { decide } from '../domain/metering-point.decide';
import type { MeteringPointEvent } from '../domain/metering-point.event';
import { evolve } from '../domain/metering-point.evolve';
import { initialState, type MeteringPointState } from '../domain/metering-point.state';

const JAPANESE = /[ぁ-んァ-ン一-龥]/u;

/** given(past events).when(command).then(new events) | .thenRefused(reason). */
export function given(...history: MeteringPointEvent[]) {
  const state: MeteringPointState = history.reduce(evolve, initialState);
  return {
    state,
    when(command: MeteringPointCommand) {
      const decision = decide(command, state);
      return {
        then(...expected: MeteringPointEvent[]): MeteringPointState {
          expect(decision).toEqual({ ok: true, events: expected });
          return expected.reduce(evolve, state);
        },
        thenRefused(reason: MeteringPointErrorReason): string {
          if (decision.ok) throw new Error(`expected ${reason}, got ${JSON.stringify(decision)}`);
          expect(decision.error.reason).toBe(reason);
          expect(decision.error.message).toMatch(JAPANESE);
          return decision.error.message;
        },
      };
    },
  };
}
