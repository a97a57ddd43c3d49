import { msBelow, printTable, ratioTarget, verdict } from './targets';

describe('bench targets', () => {
  it('tells goal, floor and a miss apart in both directions', () => {
    expect(verdict(0.6, ratioTarget(0.3, 0.5))).toBe('goal met');
    expect(verdict(0.4, ratioTarget(0.3, 0.5))).toBe('floor met');
    expect(verdict(0.2, ratioTarget(0.3, 0.5))).toBe('NOT MET');
    expect(verdict(9, msBelow(20, 10))).toBe('goal met');
    expect(verdict(10, msBelow(20, 10))).toBe('floor met');
    expect(verdict(20, msBelow(20, 10))).toBe('NOT MET');
  });

  it('has no verdict for a figure without a target or without a measurement', () => {
    expect(verdict(1, undefined)).toBe('n/a');
    expect(verdict(Number.NaN, msBelow(20, 10))).toBe('n/a');
  });

  it('prints the floor and the goal beside each figure', () => {
    const lines: string[] = [];
    printTable(
      [
        {
          figure: 'search p95',
          value: 12,
          measured: '12.0 ms',
          baseline: '-',
          ratio: '-',
          target: msBelow(20, 10),
        },
      ],
      (line) => lines.push(line),
    );
    expect(lines[1]).toBe(
      'search p95 | 12.0 ms  | -                   | -     | < 20 ms | < 10 ms | floor met',
    );
  });
});
