import { between } from '@holiday-jp/holiday_jp';

/**
 * APP-7's warning, shown before sending: the year-end closure (Dec 29 – Jan 3) or another run of
 * 3 or more days off (weekends and public holidays) between today and the desired day may delay
 * the start. The API decides and records its own warnings; this only tells the customer early.
 */
export function startDateWarnings(today: string, desired: string): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(desired) || desired < today) return [];
  const local = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
  };
  const key = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const holidays = new Set(between(local(today), local(desired)).map((h) => key(h.date)));
  const warnings: string[] = [];
  let run: string[] = [];
  let closure = false;
  const flush = () => {
    if (run.length >= 3 && !closure)
      warnings.push(`連休（${fmt(run[0])}～${fmt(run[run.length - 1])}）`);
    run = [];
    closure = false;
  };
  for (let date = local(today); key(date) <= desired; date.setDate(date.getDate() + 1)) {
    const day = key(date);
    const md = day.slice(5);
    const inClosure = md >= '12-29' || md <= '01-03';
    if (inClosure && !warnings.some((w) => w.startsWith('年末年始'))) {
      const year = md >= '12-29' ? date.getFullYear() : date.getFullYear() - 1;
      warnings.push(`年末年始休業（${year}/12/29～${year + 1}/01/03）`);
    }
    const off = date.getDay() === 0 || date.getDay() === 6 || holidays.has(day) || inClosure;
    if (off) {
      run.push(day);
      closure ||= inClosure;
    } else flush();
  }
  flush();
  return warnings;
}

function fmt(day: string | undefined): string {
  return (day ?? '').replaceAll('-', '/');
}
