import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { accountRefusal } from '../account-refusal';
import { accountErrors } from '../domain/account-error';
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

export interface Argon2QueueLimits {
  /** argon2 runs at once (each takes one libuv thread and 64 MiB). */
  readonly concurrency: number;
  /** Runs that may wait; one more is refused with RATE_LIMITED at once. */
  readonly maxQueued: number;
}

export const DEFAULT_ARGON2_QUEUE: Argon2QueueLimits = {
  concurrency: Math.max(1, Math.min(4, availableParallelism())),
  maxQueued: 64,
};

/**
 * Who asks: a login (or a signed-in holder's password change) may use the whole queue; anonymous
 * work (registration) only its first half, so a flood of registrations cannot starve logins.
 */
export type HashPriority = 'interactive' | 'anonymous';

export interface PasswordHasherOptions {
  readonly parameters?: Argon2idParameters;
  readonly argon2?: Argon2Functions;
  readonly queue?: Argon2QueueLimits;
}

/**
 * argon2id hashes in PHC form (`$argon2id$v=19$m=…,p=…,t=…$salt$hash`), salted by argon2.
 * A malformed stored hash makes `verify` throw: corrupt data is not a wrong password.
 */
export class PasswordHasher {
  private readonly parameters: Argon2idParameters;
  private readonly argon2: Argon2Functions;
  private readonly queue: BoundedQueue;
  private dummyHash: Promise<string> | undefined;

  constructor(options: PasswordHasherOptions = {}) {
    this.parameters = options.parameters ?? ARGON2ID_PARAMETERS;
    this.argon2 = options.argon2 ?? realArgon2;
    this.queue = new BoundedQueue(options.queue ?? DEFAULT_ARGON2_QUEUE);
  }

  /** Throws RATE_LIMITED (a DomainError) when the queue has no room for this priority. */
  hash(password: string, priority: HashPriority = 'interactive'): Promise<string> {
    return this.queue.run(
      () => this.argon2.hash(password, { type: argon2.argon2id, ...this.parameters }),
      priority,
    );
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.queue.run(() => this.argon2.verify(hash, password), 'interactive');
  }

  /**
   * ACC-4, no enumeration: for an unknown user ID, one verify against a hash made with the same
   * parameters, so it costs what a wrong password costs; always false. The dummy is made on the
   * first call (that call also pays one hash) and kept.
   */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url')).catch((error: unknown) => {
      this.dummyHash = undefined;
      throw error;
    });
    const dummy = await this.dummyHash;
    await this.queue.run(() => this.argon2.verify(dummy, password), 'interactive');
    return false;
  }

  /** A stored hash made with other parameters or another variant: rehash at the next login. */
  needsRehash(hash: string): boolean {
    return !hash.startsWith('$argon2id$') || this.argon2.needsRehash(hash, this.parameters);
  }
}

/**
 * At most `concurrency` runs at once and `maxQueued` waiting; interactive runs are served before
 * anonymous ones. A full queue answers at once rather than letting waits grow without bound.
 */
class BoundedQueue {
  private running = 0;
  private readonly interactive: (() => void)[] = [];
  private readonly anonymous: (() => void)[] = [];

  constructor(private readonly limits: Argon2QueueLimits) {}

  async run<T>(task: () => Promise<T>, priority: HashPriority): Promise<T> {
    if (this.running < this.limits.concurrency) {
      this.running++;
    } else {
      const waiting = this.interactive.length + this.anonymous.length;
      const room =
        priority === 'interactive' ? this.limits.maxQueued : Math.floor(this.limits.maxQueued / 2);
      if (waiting >= room) throw accountRefusal(accountErrors.tooManyRequests());
      // The slot is handed over by the run that ends, so `running` stays as it is.
      await new Promise<void>((resolve) =>
        (priority === 'interactive' ? this.interactive : this.anonymous).push(resolve),
      );
    }
    try {
      return await task();
    } finally {
      const next = this.interactive.shift() ?? this.anonymous.shift();
      if (next) next();
      else this.running--;
    }
  }
}
