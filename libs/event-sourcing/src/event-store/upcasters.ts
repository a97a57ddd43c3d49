/**
 * Upcasters lift stored data from one schema version to the next, keyed by (type, fromVersion).
 * Stored events are never rewritten; every read folds the chain of upcasters up to the newest.
 */
export type Upcaster = (data: unknown) => unknown;

export interface UpcasterDefinition {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: Upcaster;
}

export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(definitions: readonly UpcasterDefinition[] = []) {
    for (const definition of definitions) {
      const key = Upcasters.key(definition.type, definition.fromVersion);
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}`);
      this.byKey.set(key, definition.upcast);
    }
  }

  apply(type: string, schemaVersion: number, data: unknown): unknown {
    let version = schemaVersion;
    let current = data;
    for (
      let next = this.byKey.get(Upcasters.key(type, version));
      next;
      next = this.byKey.get(Upcasters.key(type, version))
    ) {
      current = next(current);
      version += 1;
    }
    return current;
  }

  private static key(type: string, version: number): string {
    return `${type}@${version}`;
  }
}
