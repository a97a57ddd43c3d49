/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped.
 * Event data and metadata are stored in this form so the hash chain can be recomputed from the
 * stored text by any adapter, and by SQL, byte for byte.
 */
export function canonicalJson(value: unknown): string {
  const text = serialise(value);
  if (text === undefined) throw new TypeError('a top-level value must be JSON-serialisable');
  return text;
}

function serialise(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot store the number ${value}`);
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('store a bigint as a string');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      return Array.isArray(value)
        ? serialiseArray(value)
        : serialiseObject(value as Record<string, unknown>);
  }
}

function serialiseArray(items: readonly unknown[]): string {
  return `[${items.map((item) => serialise(item) ?? 'null').join(',')}]`;
}

function serialiseObject(object: Record<string, unknown>): string {
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const member = serialise(object[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}
