import { DomainError, ErrorCode } from '@app/event-sourcing';
import { PasswordHasher, type Argon2Functions } from './password-hasher';

/** An argon2 whose runs end only when the spec lets them, to fill the queue on purpose. */
function heldArgon2(): Argon2Functions & { started: number; releaseAll(): void } {
  const held: (() => void)[] = [];
  const fake = {
    started: 0,
    releaseAll: () => held.splice(0).forEach((release) => release()),
    hash: async () => {
      fake.started++;
      await new Promise<void>((resolve) => held.push(resolve));
      return '$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA';
    },
    verify: async () => {
      fake.started++;
      await new Promise<void>((resolve) => held.push(resolve));
      return false;
    },
    needsRehash: () => false,
  };
  return fake;
}

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
}

describe('argon2 behind a bounded queue (issue 11)', () => {
  it('runs at most `concurrency` at once and answers RATE_LIMITED in Japanese once the queue is full', async () => {
    const argon2 = heldArgon2();
    const hasher = new PasswordHasher({ argon2, queue: { concurrency: 2, maxQueued: 4 } });
    const admitted = Array.from({ length: 6 }, () => hasher.verify('$argon2id$x', 'pw'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(argon2.started).toBe(2);

    const refused = hasher.verify('$argon2id$x', 'pw');
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.RATE_LIMITED });
    await expect(refused).rejects.toThrow(/時間をおいてから/);

    for (let i = 0; i < 3; i++) {
      argon2.releaseAll();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect(Promise.all(admitted)).resolves.toEqual(Array(6).fill(false));
    expect(argon2.started).toBe(6);
  });

  it('leaves logins half the queue that anonymous registrations cannot take', async () => {
    const argon2 = heldArgon2();
    const hasher = new PasswordHasher({ argon2, queue: { concurrency: 1, maxQueued: 4 } });
    const running = hasher.hash('pw', 'anonymous');
    const queued = [hasher.hash('pw', 'anonymous'), hasher.hash('pw', 'anonymous')];
    expect(await codeOf(hasher.hash('pw', 'anonymous'))).toBe(ErrorCode.RATE_LIMITED);

    const logins = [hasher.verify('$argon2id$x', 'pw'), hasher.verify('$argon2id$x', 'pw')];
    expect(await codeOf(hasher.verify('$argon2id$x', 'pw'))).toBe(ErrorCode.RATE_LIMITED);

    // Logins waiting are served before the registrations that queued first.
    argon2.releaseAll();
    await new Promise((resolve) => setImmediate(resolve));
    argon2.releaseAll();
    await expect(logins[0]).resolves.toBe(false);
    for (let i = 0; i < 4; i++) {
      argon2.releaseAll();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all([running, ...queued, ...logins]);
    expect(argon2.started).toBe(5);
  });
});
