import { fittingInterval, periodRange, rangeProblem } from '../periods';

describe('the statistics page\'s periods', () => {
  it.each([
    ['last7', '2026-12-04', { from: '2026-11-28', to: '2026-12-04' }],
    ['last30', '2026-12-04', { from: '2026-11-05', to: '2026-12-04' }],
    ['last365', '2028-03-01', { from: '2027-03-03', to: '2028-03-01' }],
    ['thisQuarter', '2026-12-04', { from: '2026-10-01', to: '2026-12-04' }],
    ['lastQuarter', '2026-12-04', { from: '2026-07-01', to: '2026-09-30' }],
    // In January last quarter is the previous year's last.
    ['lastQuarter', '2027-01-02', { from: '2026-10-01', to: '2026-12-31' }],
  ] as const)('%s on %s spans %j', (choice, today, range) => {
    expect(periodRange(choice, today)).toEqual(range);
  });

  it.each([
    ['2026-11-04', '2026-12-04', 'day'],
    ['2026-11-03', '2026-12-04', 'week'],
    ['2026-06-05', '2026-12-04', 'week'],
    ['2026-06-04', '2026-12-04', 'month'],
  ])('charts %s to %s per %s', (from, to, interval) => {
    expect(fittingInterval(from, to)).toBe(interval);
  });

  it.each([
    ['2026-12-01', '2026-12-04', null],
    ['2026-12-04', '2026-12-04', null],
    ['', '2026-12-04', 'incomplete'],
    ['2026-02-30', '2026-12-04', 'incomplete'],
    ['2026-12-05', '2026-12-04', 'order'],
    ['2024-12-04', '2026-12-04', null],
    ['2024-12-03', '2026-12-04', 'tooLong'],
  ])('finds in %s to %s the problem %s, as the API would', (from, to, problem) => {
    expect(rangeProblem(from, to)).toBe(problem);
  });
});
