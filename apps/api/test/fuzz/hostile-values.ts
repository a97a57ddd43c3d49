import fc from 'fast-check';

/**
 * Values a client may send in a well-formed request that no form would produce: the inputs the
 * gateway and the contexts must refuse field by field (or accept and store intact), never crash on.
 */

/** C0 and C1 controls, NUL first (PostgreSQL text cannot hold it), and invisible separators. */
const CONTROL_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200e',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\uffff',
];

/** Halves of a surrogate pair on their own: not valid UTF-16, so not encodable as UTF-8 either. */
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83dz', '\ude00あ'];

const EMOJI = ['😀', '👨‍👩‍👧‍👦', '🇯🇵', '🏭', '𠮷', '🈂️', '⚡️'];

/** The same text in full-width, half-width and mixed forms, as Japanese forms receive them. */
const WIDTH_MIXES = [
  'ＡＢＣ１２３',
  'ｱｲｳｴｵ',
  'ｶﾞｷﾞ',
  'ﾃｽﾄ株式会社',
  '東京　電機',
  '０３－１２３４－５６７８',
  '０３１０１１０１２３４５６７８９０１２３４５',
  'Ｆ１４６８３２',
  'test＠example．jp',
  'ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ',
];

/**
 * Characters at the edges of CP932 (APP-4): NEC specials (0x87: ①, ㈱, ㍻, Ⅻ), IBM extensions
 * (0xED–0xEE, 0xFA–0xFC: 髙, 﨑, 纊), the wave dash and minus signs whose Unicode mapping differs
 * between JIS and CP932, and characters with no Shift_JIS mapping at all.
 */
const CP932_EDGES = [
  '①',
  '㈱',
  '㍻',
  'Ⅻ',
  'ⅰ',
  '髙',
  '﨑',
  '纊',
  '〜',
  '～',
  '－',
  '−',
  '―',
  '‖',
  '∥',
  '￢',
  '¬',
  '¥',
  '＼',
  '㌔',
  '㊤',
  '丂',
  'ㄅ',
];

/** Text that means something to some other layer: SQL, LIKE patterns, paths, templates, HTML. */
const INTERPRETED = [
  "'; DROP TABLE events; --",
  "' OR '1'='1",
  '%',
  '_',
  '\\',
  '%_%\\',
  '$1',
  '../../../../etc/passwd',
  '${process.exit()}',
  '{{constructor}}',
  '__proto__',
  '<script>alert(1)</script>',
  '%s%n%x',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '-0',
];

const PIECES = [
  ...CONTROL_CHARACTERS,
  ...LONE_SURROGATES,
  ...EMOJI,
  ...WIDTH_MIXES,
  ...CP932_EDGES,
  ...INTERPRETED,
];

/** One hostile piece; NUL and lone surrogates more often, since each broke (or may break) a layer. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0000\u0000', '\ud800') },
);

/** A few kilobytes to a megabyte, in one- and three-byte UTF-8 characters. */
const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'あ', '①', '\u0000', '😀'), fc.constantFrom(4_000, 60_000, 1_000_000))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/** Hostile pieces and arbitrary code points, mixed. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 40, arbitrary: piece },
  {
    weight: 40,
    arbitrary: fc
      .array(
        fc.oneof(
          piece,
          fc.string({ unit: 'binary', maxLength: 6 }),
          fc.string({ unit: 'grapheme', maxLength: 6 }),
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((parts) => parts.join('')),
  },
  { weight: 10, arbitrary: fc.constantFrom('', ' ', '　', '\u0000', '  \t ') },
  // Rare: one in a request is enough, and the gateway refuses the whole body before any field.
  { weight: 1, arbitrary: hugeString },
);

/** `plausible` with something hostile put before, inside or after it. */
export function tainted(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(plausible, fc.constantFrom(...PIECES), fc.nat()).map(([text, piece, at]) => {
    const cut = at % (text.length + 1);
    return text.slice(0, cut) + piece + text.slice(cut);
  });
}

/** GraphQL `Int` is 32-bit: these sit on and beyond its edges, and are not all integers. */
export const hostileInteger: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1,
    2 ** 31 - 1,
    -(2 ** 31),
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    -(2 ** 53),
    1e308,
    0.5,
    -0.0001,
  ),
  fc.integer(),
  fc.integer({ min: -1000, max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** `YYYY-MM-DD` that is no calendar day, other spellings of a day, and far-away days. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2026-02-30',
    '2026-02-29',
    '2025-13-01',
    '2026-04-31',
    '2026-00-10',
    '0000-01-01',
    '9999-12-31',
    '1900-02-29',
    '2026-4-1',
    '2026/04/01',
    '２０２６－０４－０１',
    '2026-04-01T00:00:00Z',
    '2026-04-01 ',
    '2026-04-01\u0000',
    '+02026-04-01',
    '',
    'today',
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(
      ([year, month, day]) =>
        `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    ),
);

/** A JSON value of another type than the field's. */
export const wrongJsonType: fc.Arbitrary<unknown> = fc.constantFrom(
  true,
  0,
  -1.5,
  [],
  ['x'],
  {},
  { $gt: '' },
  'x',
  [[[[[]]]]],
);
