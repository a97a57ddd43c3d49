import {
  contactProblems,
  emailProblems,
  passwordProblems,
  registrationProblems,
  staffAccountProblems,
  userIdProblems,
  type AccountFieldProblem,
} from './account-input-rules';

const notCommon = () => false;
const codes = (problems: AccountFieldProblem[]) => problems.map((problem) => problem.code);
const JAPANESE = /[ぁ-んァ-ン一-龥]/u;

// One of each kind a user might type: full-width, symbols, space, kana, kanji, emoji, control.
const BAD_CHARACTERS = [
  'Ａ',
  '１',
  '＠',
  '．',
  ' ',
  '\u3000',
  '!',
  '#',
  '$',
  '%',
  '&',
  "'",
  '*',
  '+',
  '/',
  '=',
  '?',
  '^',
  '`',
  '{',
  '|',
  '}',
  '~',
  '(',
  ')',
  ',',
  ':',
  ';',
  '<',
  '>',
  '[',
  ']',
  '\\',
  '"',
  'あ',
  'ア',
  'ｱ',
  '漢',
  'é',
  '😀',
  '\t',
  '\u200b',
];

describe('account input rules', () => {
  it('ACC-3: letters, digits and @ . - _ are accepted in all three fields', () => {
    expect(userIdProblems('Taro.Tanaka-01_@corp')).toEqual([]);
    expect(passwordProblems('aZ09@.-_aZ09', notCommon)).toEqual([]);
    expect(emailProblems('taro_tanaka-01.x@mail.example.co.jp')).toEqual([]);
  });

  it.each(BAD_CHARACTERS)('ACC-3: %j is refused in a user ID, a password and an e-mail', (bad) => {
    expect(codes(userIdProblems(`taro${bad}`))).toEqual(['INVALID_CHARACTER']);
    expect(codes(passwordProblems(`password${bad}`, notCommon))).toEqual(['INVALID_CHARACTER']);
    expect(codes(emailProblems(`ta${bad}ro@example.com`))).toEqual(['INVALID_EMAIL_CHARACTER']);
  });

  it('ACC-3: the user ID message names the refused characters, the password one does not', () => {
    const [userId] = userIdProblems('taro！ ');
    expect(userId?.message).toContain('「！」');
    expect(userId?.message).toContain('U+0020');
    const [password] = passwordProblems('secret！secret', notCommon);
    expect(password?.message).not.toContain('！');
    expect(password?.message).toMatch(JAPANESE);
  });

  it.each([
    ['taro..tanaka@example.com', 'EMAIL_CONSECUTIVE_DOTS'],
    ['taro@example..com', 'EMAIL_CONSECUTIVE_DOTS'],
    ['taro.@example.com', 'EMAIL_DOT_BEFORE_AT'],
    ['taro', 'INVALID_EMAIL'],
    ['@example.com', 'INVALID_EMAIL'],
    ['taro@', 'INVALID_EMAIL'],
    ['taro@@example.com', 'INVALID_EMAIL'],
    ['taro@hanako@example.com', 'INVALID_EMAIL'],
    ['.taro@example.com', 'INVALID_EMAIL'],
    ['taro@localhost', 'INVALID_EMAIL'],
    ['taro@.example.com', 'INVALID_EMAIL'],
    ['taro@example.com.', 'INVALID_EMAIL'],
    ['taro@-example.com', 'INVALID_EMAIL'],
    ['taro@example-.com', 'INVALID_EMAIL'],
    ['taro@exa_mple.com', 'INVALID_EMAIL'],
    ['taro@10.0.0.1', 'INVALID_EMAIL'],
    [`${'a'.repeat(65)}@example.com`, 'INVALID_EMAIL'],
    [`taro@${'a'.repeat(64)}.com`, 'INVALID_EMAIL'],
    [`taro@${'a.'.repeat(124)}com`, 'INVALID_EMAIL'],
    ['', 'REQUIRED'],
  ])('ACC-3: the e-mail %j is refused as %s', (email, code) => {
    const problems = emailProblems(email);
    expect(codes(problems)).toEqual([code]);
    expect(problems[0]?.message).toMatch(JAPANESE);
  });

  it('ACC-3: a 64-character local part and a dotted-in hyphenated domain are well formed', () => {
    expect(emailProblems(`${'a'.repeat(64)}@sub-1.example.jp`)).toEqual([]);
  });

  it('ACC-3: a password is 8 to 64 characters, with no composition rules', () => {
    expect(codes(passwordProblems('a'.repeat(7), notCommon))).toEqual(['PASSWORD_TOO_SHORT']);
    expect(passwordProblems('a'.repeat(8), notCommon)).toEqual([]);
    expect(passwordProblems('a'.repeat(64), notCommon)).toEqual([]);
    expect(codes(passwordProblems('a'.repeat(65), notCommon))).toEqual(['PASSWORD_TOO_LONG']);
    expect(codes(passwordProblems('', notCommon))).toEqual(['REQUIRED']);
  });

  it('ACC-3: a common password is refused through the given predicate', () => {
    const isCommon = (password: string) => password === 'password1';
    expect(codes(passwordProblems('password1', isCommon))).toEqual(['COMMON_PASSWORD']);
    expect(passwordProblems('password2', isCommon)).toEqual([]);
  });

  it('ACC-3: a user ID is required and at most 64 characters', () => {
    expect(codes(userIdProblems(''))).toEqual(['REQUIRED']);
    expect(userIdProblems('a'.repeat(64))).toEqual([]);
    expect(codes(userIdProblems('a'.repeat(65)))).toEqual(['TOO_LONG']);
  });

  it('ACC-1: registration problems come per field, in the input order', () => {
    const problems = registrationProblems(
      {
        userId: 'taro tanaka',
        password: 'short',
        email: 'taro.@example.com',
        name: ' ',
        phone: '',
      },
      notCommon,
    );
    expect(problems.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'userId', code: 'INVALID_CHARACTER' },
      { field: 'password', code: 'PASSWORD_TOO_SHORT' },
      { field: 'email', code: 'EMAIL_DOT_BEFORE_AT' },
      { field: 'name', code: 'REQUIRED' },
      { field: 'phone', code: 'REQUIRED' },
    ]);
  });

  it('ACC-6: contact changes check only the given fields, under the input path', () => {
    expect(contactProblems({ name: '田中太郎' })).toEqual([]);
    expect(
      contactProblems({ email: 'taro..x@example.com', name: '', phone: null }).map(
        ({ field, code }) => ({ field, code }),
      ),
    ).toEqual([
      { field: 'input.email', code: 'EMAIL_CONSECUTIVE_DOTS' },
      { field: 'input.name', code: 'REQUIRED' },
    ]);
  });

  it('ACC-3: a staff account is checked like a registration, without a password, for a staff role', () => {
    const valid = {
      userId: 'ops.sato',
      email: 'sato@example.jp',
      name: '佐藤',
      phone: '03-0000-0000',
      role: 'AUDITOR',
    };
    expect(staffAccountProblems(valid)).toEqual([]);
    const problems = staffAccountProblems({
      userId: 'ops sato',
      email: 'sato@',
      name: '',
      phone: ' ',
      role: 'CUSTOMER',
    });
    expect(problems.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'userId', code: 'INVALID_CHARACTER' },
      { field: 'email', code: 'INVALID_EMAIL' },
      { field: 'name', code: 'REQUIRED' },
      { field: 'phone', code: 'REQUIRED' },
      { field: 'role', code: 'INVALID_ROLE' },
    ]);
    for (const problem of problems) expect(problem.message).toMatch(JAPANESE);
  });
});
