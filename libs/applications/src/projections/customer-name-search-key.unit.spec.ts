import { customerNameGrams, customerNameSearchKey } from './customer-name-search-key';

describe('customerNameSearchKey', () => {
  it('APP-10: folds katakana into hiragana', () => {
    expect(customerNameSearchKey('カブシキガイシャ')).toBe('かぶしきがいしゃ');
    expect(customerNameSearchKey('ヴァイオリン')).toBe('ゔぁいおりん');
    expect(customerNameSearchKey('いすゞ')).toBe(customerNameSearchKey('イスヾ'));
  });

  it('APP-10: half-width katakana with voiced marks meets full-width and hiragana', () => {
    expect(customerNameSearchKey('ｶﾌﾞｼｷｶﾞｲｼｬ')).toBe('かぶしきがいしゃ');
    expect(customerNameSearchKey('ﾊﾟﾙｽ')).toBe(customerNameSearchKey('ぱるす'));
  });

  it('APP-10: full-width and half-width Latin letters and digits meet, case-insensitively', () => {
    expect(customerNameSearchKey('ＡＢＣ工業')).toBe('abc工業');
    expect(customerNameSearchKey('Abc工業')).toBe('abc工業');
    expect(customerNameSearchKey('第１２３工場')).toBe('第123工場');
  });

  it('APP-10: whitespace of either width is dropped', () => {
    expect(customerNameSearchKey('東京\u3000電力 ホールディングス')).toBe(
      '東京電力ほーるでぃんぐす',
    );
  });

  it('leaves kanji and hiragana as they are', () => {
    expect(customerNameSearchKey('山田でんき')).toBe('山田でんき');
  });

  it('is idempotent', () => {
    const once = customerNameSearchKey('ｶﾌﾞｼｷｶﾞｲｼｬ　ＡＢＣ');
    expect(customerNameSearchKey(once)).toBe(once);
  });
});

describe('customerNameGrams', () => {
  it('APP-10: holds every one- and two-character piece of the key once, so a short search is a lookup', () => {
    expect(customerNameGrams('とうきょう').sort()).toEqual(
      ['と', 'う', 'き', 'ょ', 'とう', 'うき', 'きょ', 'ょう'].sort(),
    );
  });

  it('counts a character outside the BMP as one, as PostgreSQL does', () => {
    expect(customerNameGrams('𠮷野家').sort()).toEqual(['𠮷', '野', '家', '𠮷野', '野家'].sort());
  });

  it('has nothing for an empty key', () => {
    expect(customerNameGrams('')).toEqual([]);
  });
});
