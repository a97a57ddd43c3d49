/**
 * The addressee parameter of a mail (Wording: 「〇〇 様」): the name as the vault ciphertext the
 * event holds, opened by the dispatcher only to send; left out where the name is not known.
 */
export function addressed(name: string | null | undefined): { addressee?: string } {
  return name ? { addressee: name } : {};
}
