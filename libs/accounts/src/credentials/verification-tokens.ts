import { createHash, randomBytes } from 'node:crypto';

export interface IssuedVerificationToken {
  /** Goes into the mailed link only. */
  readonly token: string;
  /** What the event and the read model keep. */
  readonly hash: string;
}

// ACC-2 asks for at least 128 bits from a CSPRNG; 256 cost nothing more.
const TOKEN_BYTES = 32;

/** ACC-2's verification tokens: random, single use, stored only as their SHA-256. */
export class VerificationTokens {
  issue(): IssuedVerificationToken {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    return { token, hash: this.hashOf(token) };
  }

  hashOf(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
