/**
 * What a decider answers: the events to append, or a refusal. A refusal may still record facts
 * (a wrong password counts); a context whose refusals record none simply never passes any.
 */
export type Decision<Event, Refusal> =
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: false; readonly error: Refusal; readonly events: readonly Event[] };

// The event type comes from the caller's declared return type (NoInfer): a decision that mixes
// two event types is then checked against the whole union, not against the first one passed.
export function accepted<Event>(...events: NoInfer<Event>[]): Decision<Event, never> {
  return { ok: true, events };
}

export function refused<Refusal, Event>(
  error: Refusal,
  ...events: NoInfer<Event>[]
): Decision<Event, Refusal> {
  return { ok: false, error, events };
}

/** Closes a switch over a union: adding a case breaks the build wherever it is not handled. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
