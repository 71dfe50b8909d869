/** Quarters as "2026-Q4": the period a reminder belongs to, and the key of the send log. */
export const PERIOD = /^(\d{4})-Q([1-4])$/;

export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function previousPeriods(period: string, count: number): string[] {
  const match = PERIOD.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  let year = Number(match[1]);
  let quarter = Number(match[2]);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/** A confirm link stays valid until the end of the quarter after its own. */
export function periodLinkExpires(period: string): Date {
  const match = PERIOD.exec(period)!;
  const startMonth = (Number(match[2]) - 1) * 3;
  return new Date(Date.UTC(Number(match[1]), startMonth + 6, 1));
}

/** The first Monday of January, April, July and October, in the given time zone. */
export function isFirstMondayOfQuarter(date: Date, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'numeric' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return get('weekday') === 'Mon' && Number(get('day')) <= 7 && [1, 4, 7, 10].includes(Number(get('month')));
}
