import { dictionary } from '@zxcvbn-ts/language-common';
import type { IsCommonPassword } from '../domain/account-input-rules';

/*
 * ACC-3's list of the most common passwords: `passwords-common` of @zxcvbn-ts/language-common
 * (MIT), about 49,000 leaked passwords ranked by frequency, all of it rather than the top 10,000
 * the issue asks for at least. Entries are lower case; the lookup lowercases the candidate, so
 * `Password`, `PASSWORD` and `password` are refused alike: a capital letter adds almost nothing
 * an attacker's guessing rules do not already try.
 */
export class CommonPasswords {
  private static shared: CommonPasswords | undefined;
  private readonly passwords: ReadonlySet<string>;

  constructor(passwords: Iterable<string>) {
    this.passwords = new Set([...passwords].map((password) => password.toLowerCase()));
  }

  /** The shipped list, decompressed and indexed once per process. */
  static load(): CommonPasswords {
    CommonPasswords.shared ??= new CommonPasswords(dictionary['passwords-common']);
    return CommonPasswords.shared;
  }

  get size(): number {
    return this.passwords.size;
  }

  /** An arrow property, so it can be handed over as `passwordProblems(value, common.isCommon)`. */
  readonly isCommon: IsCommonPassword = (password) => this.passwords.has(password.toLowerCase());
}
