import { holidayJpCalendar } from '../calendar/holiday-jp-calendar.adapter';
import { checkDesiredStartDate, type StartDateCheck, type StartDateWarning } from './start-date';

function when(appliedAt: string, desiredStartDate: string): StartDateCheck {
  return checkDesiredStartDate(new Date(appliedAt), desiredStartDate, holidayJpCalendar);
}

function warningsOf(check: StartDateCheck): readonly StartDateWarning[] {
  if (!check.ok) throw new Error(`expected the start date to be accepted: ${check.error.code}`);
  return check.warnings;
}

const spans = (check: StartDateCheck) =>
  warningsOf(check).map(({ code, from, to }) => `${code} ${from}..${to}`);

describe('desired start date (APP-7)', () => {
  // 2026-01-18T15:30Z is already Jan 19, 00:30 in Japan: the 14 days count from Jan 19.
  const appliedJustAfterMidnightInJapan = '2026-01-18T15:30:00Z';

  it('APP-7: 13 days after the Japan application date (Jan 19 → Feb 1) is refused', () => {
    expect(when(appliedJustAfterMidnightInJapan, '2026-02-01')).toEqual({
      ok: false,
      error: {
        code: 'START_DATE_TOO_SOON',
        message:
          '利用開始希望日は、申込日（2026/01/19）から2週間(14日)以上の期間を空けた日付（2026/02/02以降）を入力してください。',
      },
    });
  });

  it('APP-7: 14 days after the Japan application date (Jan 19 → Feb 2) is accepted', () => {
    expect(when(appliedJustAfterMidnightInJapan, '2026-02-02')).toEqual({ ok: true, warnings: [] });
  });

  it('APP-7: the application date turns at midnight in Japan, not in UTC', () => {
    expect(when('2026-01-19T14:59:59Z', '2026-02-02').ok).toBe(true);
    expect(when('2026-01-19T15:00:00Z', '2026-02-02').ok).toBe(false);
  });

  it.each(['2026-02-30', '2026-2-3', '20260203', '0026-03-01', ''])(
    'APP-7: %j is refused as INVALID_DATE',
    (day) => {
      const check = when(appliedJustAfterMidnightInJapan, day);
      expect(check.ok ? undefined : check.error.code).toBe('INVALID_DATE');
    },
  );

  it('APP-7: a Dec 20 application for Jan 5 is accepted with a year-end closure warning', () => {
    expect(warningsOf(when('2026-12-20T01:00:00Z', '2027-01-05'))).toEqual([
      {
        code: 'YEAR_END_CLOSURE',
        message:
          '申込日から利用開始希望日までの間に年末年始休業（2026/12/29〜2027/01/03）があるため、ご希望の時期に間に合わない可能性があります。あらかじめご了承ください。',
        from: '2026-12-29',
        to: '2027-01-03',
      },
    ]);
  });

  it('APP-7: a window that reaches only into the closure is warned too', () => {
    expect(spans(when('2026-12-10T01:00:00Z', '2026-12-29'))).toEqual([
      'YEAR_END_CLOSURE 2026-12-29..2027-01-03',
    ]);
  });

  it('APP-7: a Golden Week window is accepted with a warning naming the days off', () => {
    const check = when('2026-04-20T01:00:00Z', '2026-05-11');
    expect(warningsOf(check)).toEqual([
      {
        code: 'CONSECUTIVE_HOLIDAYS',
        message:
          '申込日から利用開始希望日までの間に連休（2026/05/02〜2026/05/06）があるため、ご希望の時期に間に合わない可能性があります。あらかじめご了承ください。',
        from: '2026-05-02',
        to: '2026-05-06',
      },
    ]);
  });

  it('APP-7: Silver Week and a three-day weekend are each a run of consecutive holidays', () => {
    expect(spans(when('2026-07-01T01:00:00Z', '2026-09-30'))).toEqual([
      'CONSECUTIVE_HOLIDAYS 2026-07-18..2026-07-20',
      'CONSECUTIVE_HOLIDAYS 2026-09-19..2026-09-23',
    ]);
  });

  it('APP-7: an ordinary window with plain weekends and a lone holiday is not warned', () => {
    expect(when('2026-06-01T01:00:00Z', '2026-06-22')).toEqual({ ok: true, warnings: [] });
    expect(when('2026-04-13T01:00:00Z', '2026-05-01')).toEqual({ ok: true, warnings: [] });
  });

  it('APP-7: weekends that run into the closure make one closure warning, not a second one', () => {
    // Dec 27–28, 2025 and Jan 4, 2026 are weekend days on either side of the closure.
    expect(spans(when('2025-12-15T01:00:00Z', '2026-01-20'))).toEqual([
      'YEAR_END_CLOSURE 2025-12-29..2026-01-03',
      'CONSECUTIVE_HOLIDAYS 2026-01-10..2026-01-12',
    ]);
  });

  it('APP-7: a start date far ahead is warned once for every year-end closure it spans', () => {
    const check = when('2026-01-18T15:30:00Z', '9999-12-31');
    expect(warningsOf(check).filter((w) => w.code === 'YEAR_END_CLOSURE')).toHaveLength(7974);
  });
});
