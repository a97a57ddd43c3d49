/** The outcome of reading user input: a refusal is a value to show, not an exception. */
export type ParseResult<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function parsed<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function refused<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
