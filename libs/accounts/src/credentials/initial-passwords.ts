import { randomInt } from 'node:crypto';
import type { IssuedInitialPassword } from '../domain/account.command';
import type { EncryptedText } from '../domain/encrypted-text';
import { passwordProblems } from '../domain/account-input-rules';
import type { AccountContactCipher } from '../infrastructure/account-contact-cipher';
import type { CommonPasswords } from './common-passwords';
import type { PasswordHasher } from './password-hasher';

// Read aloud or typed from a mail: no 0/O, 1/l/I, 5/S, 2/Z, 8/B, which look alike.
const READABLE = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** An initial password as issued: the plaintext for the holder only, its hash and its seal. */
export interface IssuedPassword extends IssuedInitialPassword {
  readonly password: string;
  /** For the holder's mail only, handed to `MailSecrets`; never in an event (issue 11 §5). */
  readonly sealed: EncryptedText;
}

/**
 * ACC-5's initial passwords: 16 characters from a 50-letter alphabet by the CSPRNG (about 90
 * bits), in groups of four joined by `-` (19 characters, e.g. `hK4m-Ux7q-…`), so they satisfy
 * ACC-3 and the length rule as they are. Nobody chooses one, and no operator sees it: the
 * plaintext goes sealed to the mail ledger for the holder's mail (or, for a new staff account,
 * to the terminal of whoever runs create-operator); the event keeps only its hash.
 */
export class InitialPasswords {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly cipher: AccountContactCipher,
    private readonly commonPasswords: CommonPasswords,
  ) {}

  async issue(accountId: string): Promise<IssuedPassword> {
    const password = this.generate();
    const [initialPasswordHash, sealed] = await Promise.all([
      this.hasher.hash(password),
      this.cipher.seal(accountId, password),
    ]);
    return { password, initialPasswordHash, sealed };
  }

  generate(): string {
    for (;;) {
      const password = Array.from({ length: GROUPS }, () =>
        Array.from({ length: GROUP_LENGTH }, () => READABLE[randomInt(READABLE.length)]).join(''),
      ).join('-');
      // Never true for 90 random bits, but the rules are the rules: check rather than assume.
      if (passwordProblems(password, this.commonPasswords.isCommon).length === 0) return password;
    }
  }
}
