import { passwordProblems } from '../domain/account-input-rules';
import { CommonPasswords } from './common-passwords';

describe('CommonPasswords', () => {
  const common = CommonPasswords.load();

  it('ACC-3: ships at least the 10,000 most common passwords', () => {
    expect(common.size).toBeGreaterThanOrEqual(10_000);
  });

  it.each(['password', '123456', '12345678', 'qwerty', 'qwerty123', 'iloveyou', 'baseball'])(
    'ACC-3: knows %s as common',
    (password) => {
      expect(common.isCommon(password)).toBe(true);
    },
  );

  it('ACC-3: looks a password up whatever its letters’ case', () => {
    expect(['Password', 'PASSWORD', 'QwErTy123'].map(common.isCommon)).toEqual([true, true, true]);
  });

  it('does not take an unusual passphrase for a common one', () => {
    expect(common.isCommon('tidal-quince.orbit_7Kx')).toBe(false);
  });

  it('loads the list once per process', () => {
    expect(CommonPasswords.load()).toBe(common);
  });

  it('ACC-3: refuses a password among the 10,000 most common', () => {
    expect(passwordProblems('password1', common.isCommon).map((problem) => problem.code)).toEqual([
      'COMMON_PASSWORD',
    ]);
  });

  it('ACC-3: accepts an unusual passphrase', () => {
    expect(passwordProblems('tidal-quince.orbit_7Kx', common.isCommon)).toEqual([]);
  });
});
