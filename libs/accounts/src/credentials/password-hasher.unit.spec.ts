import * as argon2 from 'argon2';
import {
  ARGON2ID_PARAMETERS,
  PasswordHasher,
  type Argon2Functions,
  type Argon2idParameters,
} from './password-hasher';

const OWASP_FLOOR: Argon2idParameters = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const PASSWORD = 'correct-horse-battery.staple';

// The real argon2, with every verify recorded: which digest it was asked to check against.
function countingArgon2(): Argon2Functions & { readonly verifiedAgainst: string[] } {
  const verifiedAgainst: string[] = [];
  return {
    verifiedAgainst,
    hash: (password, options) => argon2.hash(password, options),
    verify: (digest, password) => {
      verifiedAgainst.push(digest);
      return argon2.verify(digest, password);
    },
    needsRehash: (digest, options) => argon2.needsRehash(digest, options),
  };
}

const parametersOf = (digest: string) => digest.split('$').slice(1, 4).join('$');

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('verifies the password it hashed', async () => {
    const hash = await hasher.hash(PASSWORD);

    expect(await hasher.verify(hash, PASSWORD)).toBe(true);
  });

  it('refuses a wrong password', async () => {
    const hash = await hasher.hash(PASSWORD);

    expect(await hasher.verify(hash, 'correct-horse-battery.staplE')).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hasher.hash(PASSWORD)).not.toBe(await hasher.hash(PASSWORD));
  });

  it('hashes with argon2id at the chosen parameters, at or above the OWASP floor', async () => {
    const [, variant, version, parameters] = (await hasher.hash(PASSWORD)).split('$');
    const { memoryCost, timeCost, parallelism } = ARGON2ID_PARAMETERS;

    expect([variant, version]).toEqual(['argon2id', 'v=19']);
    expect(parameters?.split(',').sort()).toEqual(
      [`m=${memoryCost}`, `t=${timeCost}`, `p=${parallelism}`].sort(),
    );
    expect(memoryCost).toBeGreaterThanOrEqual(OWASP_FLOOR.memoryCost);
    expect(timeCost).toBeGreaterThanOrEqual(OWASP_FLOOR.timeCost);
    expect(parallelism).toBeGreaterThanOrEqual(OWASP_FLOOR.parallelism);
  });

  it('ACC-4: verifying against nothing is false, even for a password someone uses', async () => {
    expect(await hasher.verifyAgainstNothing(PASSWORD)).toBe(false);
  });

  it('ACC-4: an unknown user ID and a wrong password each cost one verify at the same parameters', async () => {
    const argon2Calls = countingArgon2();
    const counted = new PasswordHasher({ argon2: argon2Calls });
    const stored = await counted.hash(PASSWORD);
    // Made once and kept: the first unknown user ID also pays for the dummy hash.
    await counted.verifyAgainstNothing('warm-up');
    argon2Calls.verifiedAgainst.length = 0;

    const wrongPassword = await counted.verify(stored, 'not-the-password');
    const afterWrongPassword = [...argon2Calls.verifiedAgainst];
    argon2Calls.verifiedAgainst.length = 0;
    const unknownUser = await counted.verifyAgainstNothing('not-the-password');
    const afterUnknownUser = [...argon2Calls.verifiedAgainst];

    expect([wrongPassword, unknownUser]).toEqual([false, false]);
    expect(afterWrongPassword).toHaveLength(1);
    expect(afterUnknownUser).toHaveLength(1);
    expect(afterUnknownUser.map(parametersOf)).toEqual(afterWrongPassword.map(parametersOf));
  });

  it('does not ask to rehash a hash made with the current parameters', async () => {
    expect(hasher.needsRehash(await hasher.hash(PASSWORD))).toBe(false);
  });

  it('asks to rehash a hash made with other parameters', async () => {
    const older = new PasswordHasher({ parameters: OWASP_FLOOR });

    expect(hasher.needsRehash(await older.hash(PASSWORD))).toBe(true);
  });

  it('asks to rehash a hash of another argon2 variant', async () => {
    const argon2i = await argon2.hash(PASSWORD, { type: argon2.argon2i, ...ARGON2ID_PARAMETERS });

    expect(hasher.needsRehash(argon2i)).toBe(true);
  });
});
