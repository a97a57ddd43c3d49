import { percentile, summarize } from './stats';

describe('bench statistics', () => {
  it('takes the nearest-rank percentile, a value that was measured', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 50)).toBe(3);
    expect(percentile(values, 95)).toBe(5);
    expect(percentile(values, 0)).toBe(1);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        99,
      ),
    ).toBe(99);
  });

  it('summarises without changing its input, and an empty sample as NaN', () => {
    const values = [3, 1, 2];
    expect(summarize(values)).toEqual({ count: 3, p50: 2, p95: 3, p99: 3, max: 3 });
    expect(values).toEqual([3, 1, 2]);
    expect(summarize([]).p50).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('summarises a million samples', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => 1_000_000 - i);
    expect(summarize(values)).toEqual({
      count: 1_000_000,
      p50: 500_000,
      p95: 950_000,
      p99: 990_000,
      max: 1_000_000,
    });
  });
});
