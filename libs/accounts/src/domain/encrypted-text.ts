declare const encrypted: unique symbol;

/**
 * Ciphertext from the PII vault, under the account's own key. The domain carries it and never
 * reads it: the brand keeps a plaintext e-mail, name or phone from being put into an event.
 */
export type EncryptedText = string & { readonly [encrypted]: true };

/** For the vault adapter (and tests) only: it asserts that `ciphertext` came out of the vault. */
export function asEncryptedText(ciphertext: string): EncryptedText {
  return ciphertext as EncryptedText;
}
