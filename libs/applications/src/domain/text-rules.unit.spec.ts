import {
  emailAddressProblems,
  fullWidthTextProblems,
  normalisedPhoneNumber,
  phoneNumberProblems,
  TEXT_MAX_LENGTH,
  type FieldRef,
} from './text-rules';

const name: FieldRef = { field: 'customer.name', label: 'お客さま名' };
const phone: FieldRef = { field: 'applicant.phone1', label: '電話番号1' };
const email: FieldRef = { field: 'applicant.email', label: 'メールアドレス' };

const codesOf = (problems: ReadonlyArray<{ code: string }>) => problems.map((p) => p.code);
const decodeCp932 = (lead: number, trail: number) =>
  new TextDecoder('shift_jis', { fatal: true }).decode(Uint8Array.of(lead, trail));

describe('full-width text (APP-3) without machine-dependent characters (APP-4)', () => {
  it.each([
    '山田太郎',
    '山田　太郎',
    '東京電力パワーグリッド株式会社',
    'やまだ　タロウ',
    'ＡＢＣ１２３－（株）',
    '∵≒¬～',
  ])('APP-3: %s is accepted', (value) => {
    expect(fullWidthTextProblems(name, value)).toEqual([]);
  });

  it('APP-3: the empty string and ideographic spaces alone are REQUIRED', () => {
    expect(codesOf(fullWidthTextProblems(name, ''))).toEqual(['REQUIRED']);
    expect(codesOf(fullWidthTextProblems(name, '\u3000\u3000'))).toEqual(['REQUIRED']);
  });

  it.each(['ｱ', 'ﾔﾏﾀﾞ', 'ABC', '山田 太郎', '山田\t太郎', '山田1'])(
    'APP-3: %j is refused as NOT_FULL_WIDTH',
    (value) => {
      expect(fullWidthTextProblems(name, value)).toEqual([
        {
          field: 'customer.name',
          code: 'NOT_FULL_WIDTH',
          message:
            'お客さま名は全角で入力してください（半角の英数字・記号・スペース・カタカナはご使用いただけません）。',
        },
      ]);
    },
  );

  it.each(['①', '㈱', '㍻', 'Ⅻ'])('APP-4: %s is refused as MACHINE_DEPENDENT_CHARACTER', (char) => {
    expect(codesOf(fullWidthTextProblems(name, `山田${char}`))).toEqual([
      'MACHINE_DEPENDENT_CHARACTER',
    ]);
  });

  it('APP-4: ① is refused as typed, before NFKC could turn it into 1', () => {
    expect('①'.normalize('NFKC')).toBe('1');
    expect(fullWidthTextProblems(name, '第①工場')).toEqual([
      {
        field: 'customer.name',
        code: 'MACHINE_DEPENDENT_CHARACTER',
        message:
          'お客さま名にご使用いただけない文字（「①」）が含まれています。機種依存文字・特殊文字のご使用はご遠慮ください。',
      },
    ]);
  });

  it('APP-4: 髙 is refused as the rule is written: CP932 has it only as an IBM extension (0xFBFC)', () => {
    expect(decodeCp932(0xfb, 0xfc)).toBe('髙');
    expect(codesOf(fullWidthTextProblems(name, '髙橋'))).toEqual(['MACHINE_DEPENDENT_CHARACTER']);
    expect(fullWidthTextProblems(name, '高橋')).toEqual([]);
  });

  it.each([
    ['Ⅰ (NEC special, 0x8754)', 'Ⅰ'],
    ['ⅰ (IBM extension, 0xFA40)', 'ⅰ'],
    ['纊 (NEC-selected IBM extension, 0xED40)', '纊'],
    ['﨑 (IBM extension, 0xFAB1)', '﨑'],
    ['a user-defined character (外字, 0xF040)', '\uE000'],
    ['an emoji (no CP932 code)', '😀'],
    ['é (no CP932 code)', 'é'],
    ['a decomposed が (か + U+3099)', 'か\u3099'],
  ])('APP-4: %s is refused', (_name, value) => {
    expect(codesOf(fullWidthTextProblems(name, value))).toEqual(['MACHINE_DEPENDENT_CHARACTER']);
  });

  it('APP-4: each refused character is named once, invisible ones by code point', () => {
    const [problem] = fullWidthTextProblems(name, '①山①\u200B㈱');
    expect(problem?.message).toBe(
      'お客さま名にご使用いただけない文字（「①」、U+200B、「㈱」）が含まれています。機種依存文字・特殊文字のご使用はご遠慮ください。',
    );
  });

  it('APP-4: characters NEC row 13 shares with JIS X 0208 (≒ ≡ ∫ √ ⊥ ∠ ∵ ∩ ∪) are accepted', () => {
    expect(fullWidthTextProblems(name, '≒≡∫√⊥∠∵∩∪')).toEqual([]);
  });

  it('APP-4: JIS X 0208 characters as macOS types them (〜 − ‖ — ¢ £ ¬) are accepted', () => {
    expect(fullWidthTextProblems(name, '\u301C\u2212\u2016\u2014\u00A2\u00A3\u00AC')).toEqual([]);
  });

  it('APP-4: every JIS X 0208 character (lead bytes 0x81–0x84, 0x88–0x9F, 0xE0–0xEA) is accepted', () => {
    const leads = [0x81, 0x82, 0x83, 0x84, ...range(0x88, 0x9f), ...range(0xe0, 0xea)];
    const refused: string[] = [];
    for (const lead of leads) {
      for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfc)]) {
        let char: string;
        try {
          char = decodeCp932(lead, trail);
        } catch {
          continue;
        }
        if (fullWidthTextProblems(name, `山${char}`).length > 0) refused.push(char);
      }
    }
    expect(refused).toEqual([]);
  });
});

describe('phone and fax numbers (APP-3)', () => {
  it.each(['03-1234-5678', '0312345678', '090-1234-5678', '09012345678', '0120-123-456'])(
    'APP-3: %s is accepted',
    (value) => {
      expect(phoneNumberProblems(phone, value, { required: true })).toEqual([]);
    },
  );

  it.each([
    ['9 digits', '03-1234-567'],
    ['12 digits', '090-1234-56789'],
    ['no leading 0', '31-2345-6789'],
    ['full-width digits', '０３-１２３４-５６７８'],
    ['brackets', '03(1234)5678'],
    ['an international prefix', '+81-3-1234-5678'],
    ['a leading hyphen', '-03-1234-5678'],
    ['two hyphens in a row', '03--1234-5678'],
    ['a trailing hyphen', '03-1234-5678-'],
    ['spaces', '03 1234 5678'],
  ])('APP-3: %s is refused as INVALID_PHONE_NUMBER', (_name, value) => {
    expect(phoneNumberProblems(phone, value, { required: true })).toEqual([
      {
        field: 'applicant.phone1',
        code: 'INVALID_PHONE_NUMBER',
        message:
          '電話番号1は半角数字で、市外局番・市内局番・加入者番号の3つに分けて合計10桁または11桁で入力してください（例: 090-9999-9999）。',
      },
    ]);
  });

  it('APP-3: a required number left empty is REQUIRED; an optional one may be left empty', () => {
    expect(codesOf(phoneNumberProblems(phone, '', { required: true }))).toEqual(['REQUIRED']);
    expect(phoneNumberProblems(phone, null, { required: false })).toEqual([]);
    expect(phoneNumberProblems(phone, undefined, { required: false })).toEqual([]);
    expect(phoneNumberProblems(phone, ' ', { required: false })).toEqual([]);
  });

  it('APP-3: an optional number that is given must be well formed', () => {
    expect(codesOf(phoneNumberProblems(phone, '123', { required: false }))).toEqual([
      'INVALID_PHONE_NUMBER',
    ]);
  });
});

describe('e-mail address (APP-3, as ACC-3)', () => {
  it.each(['taro.yamada@example.co.jp', 'a_b-c@ex-ample.com', 'Taro1@EXAMPLE.JP'])(
    'ACC-3: %s is accepted',
    (value) => {
      expect(emailAddressProblems(email, value)).toEqual([]);
    },
  );

  it.each([
    ['', 'REQUIRED'],
    ['taro+tag@example.com', 'INVALID_EMAIL_CHARACTER'],
    ['たろう@example.com', 'INVALID_EMAIL_CHARACTER'],
    ['ｔａｒｏ@example.com', 'INVALID_EMAIL_CHARACTER'],
    ['taro yamada@example.com', 'INVALID_EMAIL_CHARACTER'],
    ['taro..yamada@example.com', 'EMAIL_CONSECUTIVE_DOTS'],
    ['taro@example..com', 'EMAIL_CONSECUTIVE_DOTS'],
    ['taro.@example.com', 'EMAIL_DOT_BEFORE_AT'],
    ['taro@', 'INVALID_EMAIL'],
    ['@example.com', 'INVALID_EMAIL'],
    ['taro', 'INVALID_EMAIL'],
    ['taro@example', 'INVALID_EMAIL'],
    ['taro@@example.com', 'INVALID_EMAIL'],
    ['.taro@example.com', 'INVALID_EMAIL'],
    ['taro@-example.com', 'INVALID_EMAIL'],
    ['taro@example_co.jp', 'INVALID_EMAIL'],
    ['taro@example.com.', 'INVALID_EMAIL'],
    ['taro@10.0.0.1', 'INVALID_EMAIL'],
    [`${'a'.repeat(65)}@example.com`, 'INVALID_EMAIL'],
  ])('ACC-3: %j is refused as %s', (value, code) => {
    const problems = emailAddressProblems(email, value);
    expect(codesOf(problems)).toEqual([code]);
    expect(problems[0]?.message).toMatch(/^メールアドレス/u);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

describe('APP-3 lengths and phone shapes', () => {
  it('APP-3: names and departments are at most 50 characters', () => {
    expect(TEXT_MAX_LENGTH).toBe(50);
    expect(fullWidthTextProblems(name, '東'.repeat(50))).toEqual([]);
    expect(fullWidthTextProblems(name, '東'.repeat(51))).toEqual([
      {
        field: 'customer.name',
        code: 'TOO_LONG',
        message: 'お客さま名は50文字以内で入力してください。',
      },
    ]);
  });

  it.each([
    ['03-12-34-5678', 'four groups'],
    ['03-12345678', 'two groups'],
    ['0312-345678-', 'an empty third group'],
  ])('APP-3: %s (%s) is refused: three groups, as the form’s three boxes', (value) => {
    expect(codesOf(phoneNumberProblems(phone, value, { required: true }))).toEqual([
      'INVALID_PHONE_NUMBER',
    ]);
  });

  it.each([
    ['090-9999-9999', '090-9999-9999'],
    ['09099999999', '09099999999'],
    ['03‐1234‐5678', '03-1234-5678'],
    ['03ー1234ー5678', '03-1234-5678'],
    ['03−1234−5678', '03-1234-5678'],
    ['03－1234－5678', '03-1234-5678'],
    [' 0120-123-456 ', '0120-123-456'],
  ])('APP-3: %s is accepted and normalised to %s', (value, normalised) => {
    expect(phoneNumberProblems(phone, value, { required: true })).toEqual([]);
    expect(normalisedPhoneNumber(value)).toBe(normalised);
  });
});
