import type { AccountErrorCode, AccountError } from '../domain/account-error';
import type { AccountCommand } from '../domain/account.command';
import { decide } from '../domain/account.decide';
import type { AccountEvent } from '../domain/account.event';
import { evolve } from '../domain/account.evolve';
import { initialState, type AccountState } from '../domain/account.state';

const JAPANESE = /[ぁ-んァ-ン一-龥]/u;

/** given(past events).when(command, now).then(new events) | .thenRefused(code, new events). */
export function given(...history: AccountEvent[]) {
  const state: AccountState = history.reduce(evolve, initialState);
  return {
    state,
    when(command: AccountCommand, now: Date) {
      const decision = decide(command, state, now);
      return {
        then(...expected: AccountEvent[]): AccountState {
          expect(decision).toEqual({ ok: true, events: expected });
          return decision.events.reduce(evolve, state);
        },
        thenRefused(code: AccountErrorCode, ...expected: AccountEvent[]): AccountError {
          if (decision.ok) throw new Error(`expected ${code}, got ${JSON.stringify(decision)}`);
          expect(decision.error.code).toBe(code);
          expect(decision.error.message).toMatch(JAPANESE);
          expect(decision.events).toEqual(expected);
          return decision.error;
        },
      };
    },
  };
}
