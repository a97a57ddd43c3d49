declare const sealed: unique symbol;

/**
 * Ciphertext from the PII vault under the application's own subject (`application-<id>`). The
 * domain carries it and never reads it: the brand keeps a plaintext name, phone or e-mail out of
 * an event.
 */
export type SealedText = string & { readonly [sealed]: true };

/** For the vault adapter (and tests) only: it asserts that `ciphertext` came out of the vault. */
export function asSealedText(ciphertext: string): SealedText {
  return ciphertext as SealedText;
}
