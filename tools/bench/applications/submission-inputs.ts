import { formatCalendarDay, japanDayOf, type CalendarDay } from '@app/applications';

/*
 * Valid, distinct submissions for the load: every one names its own issued supply point (MTR-2
 * would refuse a second open NEW application on a point), full-width names without machine-
 * dependent characters (APP-3, APP-4) and a start date well past the 14-day lead (APP-7).
 */

const FORMS = ['株式会社', '有限会社', '合同会社'] as const;
const PLACES = [
  '東京',
  '横浜',
  '千葉',
  '埼玉',
  '川崎',
  '八王子',
  '立川',
  '宇都宮',
  '前橋',
  '甲府',
  '沼津',
];
const TRADES = ['電機', '製作所', '商事', '物流', '食品', '化学', '精密', '工業', '不動産', '倉庫'];
/** 44 katakana: three of them make 85,184 tags, so a tag names about a dozen of a million rows. */
const KANA =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
const TAGS = KANA.length ** 3;

/** Leaves room for the year-end closure's warning, which the input rules accept (APP-7). */
export const START_DATE_LEAD_DAYS = 30;

/** Three katakana that tell applications apart within a trade and place. */
export function nameTag(n: number): string {
  const index = n % TAGS;
  return [
    Math.floor(index / KANA.length ** 2),
    Math.floor(index / KANA.length) % KANA.length,
    index % KANA.length,
  ]
    .map((digit) => KANA[digit])
    .join('');
}

/** e.g. 株式会社横浜カキサ電機: full-width, CP932-safe. */
export function customerName(n: number): string {
  const rest = Math.floor(n / TAGS);
  return `${FORMS[n % FORMS.length]}${PLACES[rest % PLACES.length]}${nameTag(n)}${TRADES[Math.floor(rest / PLACES.length) % TRADES.length]}`;
}

/**
 * Search text of `length` characters taken from application `n`'s name around its tag: 1 and 2
 * are the tag's first kana (common, and pg_trgm has no trigram for them), 3 the tag, 5 the tag
 * and the trade's first two characters. Hiragana exercises the read model's kana folding.
 */
export function namePart(n: number, length: 1 | 2 | 3 | 5, asHiragana: boolean): string {
  const rest = Math.floor(n / TAGS);
  const trade = TRADES[Math.floor(rest / PLACES.length) % TRADES.length] ?? '';
  const tag = asHiragana ? toHiragana(nameTag(n)) : nameTag(n);
  return length === 5 ? `${tag}${trade.slice(0, 2)}` : tag.slice(0, length);
}

function toHiragana(katakana: string): string {
  return String.fromCodePoint(...[...katakana].map((kana) => (kana.codePointAt(0) ?? 0) - 0x60));
}

/**
 * An issued supply point ID (APP-5): `031011`, four digits for the run, twelve for the
 * submission. A run number of at least 1 keeps the 16 digits from all being 0 (unissued).
 */
export function supplyPointId(run: number, n: number): string {
  if (!Number.isInteger(run) || run < 1 || run > 9999)
    throw new RangeError(`run ${run} is not within 1..9999`);
  if (!Number.isInteger(n) || n < 0 || n >= 1e12)
    throw new RangeError(`submission ${n} is out of range`);
  return `031011${String(run).padStart(4, '0')}${String(n).padStart(12, '0')}`;
}

/** APP-5: the ID of a point whose number is not issued yet; it claims nothing in the registry. */
export const UNISSUED_SUPPLY_POINT_ID = '0310110000000000000000';

/** APP-6: one upper-case letter and six digits. */
export function meterId(n: number): string {
  return `F${String(n % 1_000_000).padStart(6, '0')}`;
}

/** A calendar day in Japan `days` after the day of `now`. */
export function japanDayAfter(now: Date, days: number): string {
  return formatCalendarDay((japanDayOf(now) + days) as CalendarDay);
}

export interface SubmissionVariables {
  readonly kind: 'NEW';
  readonly customer: {
    readonly name: string;
    readonly department: string;
    readonly contactName: string;
    readonly phone: string;
  };
  readonly applicant: {
    readonly company: string;
    readonly department: string;
    readonly name: string;
    readonly phone1: string;
    readonly phone2: string | null;
    readonly email: string;
    readonly fax: string | null;
  };
  readonly meteringPoints: readonly { readonly pointId: string; readonly meterId: string }[];
  readonly desiredStartDate: string;
  readonly consentConfirmed: true;
}

/** The `SubmitApplicationInput` of submission `n` of run `run`. */
export function submissionInput(run: number, n: number, now: Date): SubmissionVariables {
  return {
    kind: 'NEW',
    customer: {
      name: customerName(n),
      department: '設備管理部',
      contactName: '山田\u3000太郎',
      phone: '03-1234-5678',
    },
    applicant: {
      company: 'エネルギー管理サービス株式会社',
      department: '技術部',
      name: '田中\u3000花子',
      phone1: '090-1234-5678',
      phone2: null,
      email: `bench.${run}.${n}@example.co.jp`,
      fax: null,
    },
    meteringPoints: [{ pointId: supplyPointId(run, n), meterId: meterId(n) }],
    desiredStartDate: japanDayAfter(now, START_DATE_LEAD_DAYS),
    consentConfirmed: true,
  };
}
