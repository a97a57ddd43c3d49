import { pageProblems, searchConditions } from './search-conditions';

describe('searchConditions', () => {
  it('APP-10: registered days are Japan-time days, both ends included', () => {
    const check = searchConditions({ registeredFrom: '2026-04-01', registeredTo: '2026-04-02' });
    expect(check).toEqual({
      ok: true,
      conditions: {
        registeredFrom: new Date('2026-03-31T15:00:00.000Z'),
        registeredBefore: new Date('2026-04-02T15:00:00.000Z'),
      },
    });
  });

  it('APP-10: one day alone is a day from 00:00 to 24:00 in Japan', () => {
    expect(searchConditions({ registeredFrom: '2026-12-31', registeredTo: '2026-12-31' })).toEqual({
      ok: true,
      conditions: {
        registeredFrom: new Date('2026-12-30T15:00:00.000Z'),
        registeredBefore: new Date('2026-12-31T15:00:00.000Z'),
      },
    });
  });

  it('APP-10: a customer name becomes its search key; a blank one is no criterion', () => {
    expect(searchConditions({ customerName: ' ｶﾌﾞｼｷ ' })).toEqual({
      ok: true,
      conditions: { customerNameKey: 'かぶしき' },
    });
    expect(searchConditions({ customerName: '　' })).toEqual({ ok: true, conditions: {} });
  });

  it('APP-10: ID, status and kind are passed through; an empty filter is no condition', () => {
    expect(searchConditions({ applicationId: 42006, status: 'RECEIVED', kind: 'NEW' })).toEqual({
      ok: true,
      conditions: { applicationId: 42006, status: 'RECEIVED', kind: 'NEW' },
    });
    expect(searchConditions({})).toEqual({ ok: true, conditions: {} });
  });

  it('refuses a range that ends before it starts, and an overlong name', () => {
    const check = searchConditions({
      registeredFrom: '2026-04-02',
      registeredTo: '2026-04-01',
      customerName: 'あ'.repeat(101),
    });
    expect(check).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ field: 'filter.registeredTo', code: 'BEFORE_START' }),
        expect.objectContaining({ field: 'filter.customerName', code: 'TOO_LONG' }),
      ],
    });
  });

  it('bounds the page', () => {
    expect(pageProblems(0, 100)).toEqual([]);
    expect(pageProblems(-1, 101).map((problem) => problem.field)).toEqual(['offset', 'limit']);
    expect(pageProblems(0, 0).map((problem) => problem.field)).toEqual(['limit']);
  });
});

describe('OPS-1: RETURNED applications left uncorrected', () => {
  const NOW = new Date('2026-05-01T03:00:00Z');

  it('OPS-1: untouchedForDays finds the applications not updated for that many days', () => {
    expect(searchConditions({ status: 'RETURNED', untouchedForDays: 30 }, NOW)).toEqual({
      ok: true,
      conditions: { status: 'RETURNED', updatedBefore: new Date('2026-04-01T03:00:00Z') },
    });
  });

  it('OPS-1: untouchedForDays is a whole number of days, 1 or more', () => {
    expect(searchConditions({ untouchedForDays: 0 }, NOW)).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ field: 'filter.untouchedForDays', code: 'OUT_OF_RANGE' }),
      ],
    });
  });
});
