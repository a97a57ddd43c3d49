import type { Decision } from '../domain/decision';

const JAPANESE = /[ぁ-んァ-ン一-龥]/u;

export interface DeciderUnderSpec<Command, State, Event, Error> {
  readonly decide: (command: Command, state: State, now: Date) => Decision<Event, Error>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
  /** Which field of a refusal `thenRefused` names: the contract's code or the finer reason. */
  readonly refusalKey: 'code' | 'reason';
}

/**
 * given(past events).when(command, now).then(new events) | .thenRefused(code or reason, new events).
 * A refusal's message must be Japanese: it is what the user reads.
 */
export function deciderSpec<
  Command,
  State,
  Event,
  Error extends { readonly code: string; readonly reason: string; readonly message: string },
>(decider: DeciderUnderSpec<Command, State, Event, Error>) {
  return function given(...history: Event[]) {
    const state: State = history.reduce(decider.evolve, decider.initialState);
    return {
      state,
      when(command: Command, now: Date = new Date('2026-04-01T00:00:00Z')) {
        const decision = decider.decide(command, state, now);
        return {
          decision,
          then(...expected: Event[]): State {
            expect(decision).toEqual({ ok: true, events: expected });
            return decision.events.reduce(decider.evolve, state);
          },
          thenRefused(refusal: Error[typeof decider.refusalKey], ...expected: Event[]): Error {
            if (decision.ok)
              throw new Error(`expected ${refusal}, got ${JSON.stringify(decision)}`);
            expect(decision.error[decider.refusalKey]).toBe(refusal);
            expect(decision.error.message).toMatch(JAPANESE);
            expect(decision.events).toEqual(expected);
            return decision.error;
          },
        };
      },
    };
  };
}
