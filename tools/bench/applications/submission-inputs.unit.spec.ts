import { checkDesiredStartDate, holidayJpCalendar } from '@app/applications';
import { applicantInfoProblems, customerInfoProblems } from '@app/applications/testing';
import { parsePointId } from '@app/metering';
import { parseMeterId } from '@app/metering/testing';
import {
  customerName,
  meterId,
  namePart,
  nameTag,
  submissionInput,
  supplyPointId,
  UNISSUED_SUPPLY_POINT_ID,
} from './submission-inputs';

/** 2026-12-20 08:30 in Japan: the start date spans the year-end closure. */
const NOW = new Date('2026-12-19T23:30:00Z');

describe('bench submission inputs', () => {
  it('APP-3, APP-4: generated names and contacts pass the input rules', () => {
    for (const n of [0, 1, 43, 44, 85_183, 85_184, 999_999, 123_456_789]) {
      const input = submissionInput(7, n, NOW);
      expect(customerInfoProblems(input.customer)).toEqual([]);
      expect(applicantInfoProblems(input.applicant)).toEqual([]);
    }
  });

  it('APP-5, APP-6: point IDs are issued supply points, meter IDs well formed', () => {
    const point = parsePointId(supplyPointId(1, 42));
    expect(point).toEqual({ ok: true, value: expect.objectContaining({ unissued: false }) });
    expect(parsePointId(UNISSUED_SUPPLY_POINT_ID)).toEqual({
      ok: true,
      value: expect.objectContaining({ unissued: true }),
    });
    expect(parseMeterId(meterId(1_234_567)).ok).toBe(true);
    expect(() => supplyPointId(0, 1)).toThrow(RangeError);
  });

  it('MTR-2: every submission of a run names its own metering point', () => {
    const ids = new Set(
      Array.from(
        { length: 10_000 },
        (_, n) => submissionInput(3, n, NOW).meteringPoints[0]?.pointId,
      ),
    );
    expect(ids.size).toBe(10_000);
    expect(supplyPointId(3, 5)).not.toBe(supplyPointId(4, 5));
  });

  it('APP-7: the desired start date is far enough out to be accepted', () => {
    const { desiredStartDate } = submissionInput(1, 1, NOW);
    expect(desiredStartDate).toBe('2027-01-19');
    expect(checkDesiredStartDate(NOW, desiredStartDate, holidayJpCalendar).ok).toBe(true);
  });

  it('partial-name queries find the tag in katakana and in hiragana', () => {
    expect(customerName(85_184 + 5)).toContain(nameTag(5));
    expect(namePart(5, 3, false)).toBe(nameTag(5));
    expect(namePart(0, 3, true)).toBe('あああ');
    expect(nameTag(44 * 44 + 44 + 1)).toBe('イイイ');
  });

  it('partial-name queries of 1, 2 and 5 characters are parts of the name', () => {
    for (const n of [0, 7, 85_184 + 5, 999_999]) {
      for (const length of [1, 2, 5] as const) {
        const part = namePart(n, length, false);
        expect([...part]).toHaveLength(length);
        expect(customerName(n)).toContain(part);
      }
    }
    expect(namePart(0, 2, true)).toBe('ああ');
  });
});
