import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

export interface Argon2idParameters {
  /** KiB */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/*
 * Above the floor of OWASP ASVS 5.0 Appendix C and the OWASP Password Storage Cheat Sheet
 * (argon2id, m=19456 KiB, t=2, p=1): 64 MiB and two passes, about 3.4 times the floor's
 * memory × passes, headroom for faster attackers' hardware. Measured on the 2-core dev machine
 * (Node 20, argon2 0.45.1, median of 40): about 125 ms per hash or verify (the floor: about
 * 23 ms), so a login stays interactive and the end-to-end specs stay quick. p=1: more lanes
 * only buy speed where there are cores for them, and login throttling bounds how many run.
 */
export const ARGON2ID_PARAMETERS: Argon2idParameters = {
  memoryCost: 65536,
  timeCost: 2,
  parallelism: 1,
};

/** The part of `argon2` the hasher uses; a spec wraps the real one to count calls. */
export interface Argon2Functions {
  hash(password: string, options: argon2.HashOptions): Promise<string>;
  verify(digest: string, password: string): Promise<boolean>;
  needsRehash(digest: string, options: Argon2idParameters): boolean;
}

const realArgon2: Argon2Functions = {
  hash: (password, options) => argon2.hash(password, options),
  verify: (digest, password) => argon2.verify(digest, password),
  needsRehash: (digest, options) => argon2.needsRehash(digest, options),
};

export interface PasswordHasherOptions {
  readonly parameters?: Argon2idParameters;
  readonly argon2?: Argon2Functions;
}

/**
 * argon2id hashes in PHC form (`$argon2id$v=19$m=…,p=…,t=…$salt$hash`), salted by argon2.
 * A malformed stored hash makes `verify` throw: corrupt data is not a wrong password.
 */
export class PasswordHasher {
  private readonly parameters: Argon2idParameters;
  private readonly argon2: Argon2Functions;
  private dummyHash: Promise<string> | undefined;

  constructor(options: PasswordHasherOptions = {}) {
    this.parameters = options.parameters ?? ARGON2ID_PARAMETERS;
    this.argon2 = options.argon2 ?? realArgon2;
  }

  hash(password: string): Promise<string> {
    return this.argon2.hash(password, { type: argon2.argon2id, ...this.parameters });
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.argon2.verify(hash, password);
  }

  /**
   * ACC-4, no enumeration: for an unknown user ID, one verify against a hash made with the same
   * parameters, so it costs what a wrong password costs; always false. The dummy is made on the
   * first call (that call also pays one hash) and kept.
   */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    await this.argon2.verify(await this.dummyHash, password);
    return false;
  }

  /** A stored hash made with other parameters or another variant: rehash at the next login. */
  needsRehash(hash: string): boolean {
    return !hash.startsWith('$argon2id$') || this.argon2.needsRehash(hash, this.parameters);
  }
}
