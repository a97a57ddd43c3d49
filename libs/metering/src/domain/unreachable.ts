/** Closes a switch over a union: adding a case breaks the build wherever it is not handled. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
