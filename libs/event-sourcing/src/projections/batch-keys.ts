/**
 * The keys of a projection's batch whose stored rows must be read before the batch is folded:
 * those whose first event in the batch does not write the whole row by itself (a recording, a
 * submission). One read for the batch instead of one per event.
 */
export function keysToLoad<E, K>(
  events: readonly { readonly event: E }[],
  keyOf: (event: E) => K,
  writesWholeRow: (event: E) => boolean,
): K[] {
  const first = new Map<K, E>();
  for (const { event } of events) {
    const key = keyOf(event);
    if (!first.has(key)) first.set(key, event);
  }
  return [...first].filter(([, event]) => !writesWholeRow(event)).map(([key]) => key);
}
