import { createPublicKey, type KeyObject } from 'node:crypto';

/** The signing key, loaded once on first use (the embedded setup reads or creates its file). */
export class HistoryKey {
  private loaded: Promise<KeyObject> | undefined;

  constructor(private readonly source: KeyObject | (() => Promise<KeyObject>) | undefined) {}

  get configured(): boolean {
    return this.source !== undefined;
  }

  privateKey(): Promise<KeyObject> {
    const source = this.source;
    if (source === undefined) {
      return Promise.reject(new Error('no history signing key is configured'));
    }
    this.loaded ??= typeof source === 'function' ? source() : Promise.resolve(source);
    return this.loaded;
  }

  async publicKey(): Promise<KeyObject> {
    return createPublicKey(await this.privateKey());
  }
}
