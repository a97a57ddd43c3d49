import { passwordProblems } from '../domain/account-input-rules';
import { CommonPasswords } from './common-passwords';
import { InitialPasswords } from './initial-passwords';
import type { PasswordHasher } from './password-hasher';
import type { AccountContactCipher } from '../infrastructure/account-contact-cipher';

describe('initial passwords', () => {
  const common = CommonPasswords.load();
  // generate() uses neither; issue() is exercised against the real ones by the e2e specs.
  const passwords = new InitialPasswords({} as PasswordHasher, {} as AccountContactCipher, common);

  it('ACC-5: readable, 19 characters in four groups, within the account password rules', () => {
    const samples = Array.from({ length: 200 }, () => passwords.generate());
    for (const password of samples) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-RT-Y3-9]{4}(-[a-km-zA-HJ-NP-RT-Y3-9]{4}){3}$/);
      expect(password).not.toMatch(/[01258OolISZB]/);
      expect(passwordProblems(password, common.isCommon)).toEqual([]);
    }
    expect(new Set(samples).size).toBe(samples.length);
  });
});
