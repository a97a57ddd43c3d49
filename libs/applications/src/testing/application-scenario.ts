import type { ApplicationError, ApplicationErrorCode } from '../domain/application-error';
import type { ApplicationCommand } from '../domain/application.command';
import { decide } from '../domain/application.decide';
import type { ApplicationEvent } from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import { initialState, type ApplicationState } from '../domain/application.state';

const JAPANESE = /[ぁ-んァ-ン一-龥]/u;

/** given(past events).when(command, now).then(new events) | .thenRefused(code). */
export function given(...history: ApplicationEvent[]) {
  const state: ApplicationState = history.reduce(evolve, initialState);
  return {
    state,
    when(command: ApplicationCommand, now: Date) {
      const decision = decide(command, state, now);
      return {
        then(...expected: ApplicationEvent[]): ApplicationState {
          expect(decision).toEqual({ ok: true, events: expected });
          return decision.ok ? decision.events.reduce(evolve, state) : state;
        },
        thenRefused(code: ApplicationErrorCode): ApplicationError {
          if (decision.ok) throw new Error(`expected ${code}, got ${JSON.stringify(decision)}`);
          expect(decision.error.code).toBe(code);
          expect(decision.error.message).toMatch(JAPANESE);
          return decision.error;
        },
      };
    },
  };
}
