import { describe, expect, it } from 'vitest';
import {
  daysLeft,
  headlineKind,
  inPeriod,
  nextPeriod,
  parsePeriod,
  periodDays,
  periodKeySchema,
  periodLabel,
  periodMonths,
  periodOf,
  periodRange,
  previousPeriod,
  recognitionDeadline,
  vnDate,
  vnDateStart,
  type PeriodKind,
} from './periods.ts';
import { VN_OFFSET_MS, VN_TIME_ZONE } from './vn-time.ts';

/** A Vietnam wall-clock time as a UTC instant. */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const range = (key: string) => {
  const p = periodRange(key);
  return [vnDate(p.start), vnDate(p.end - 1)];
};

describe('the Vietnam clock', () => {
  it('has one offset that agrees with the time zone on both sides of the year', () => {
    for (const iso of ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z', '2026-12-31T17:00:00Z']) {
      const at = new Date(iso);
      const wall = new Intl.DateTimeFormat('en-CA', {
        timeZone: VN_TIME_ZONE,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(at);
      expect(vnDate(at.getTime())).toBe(wall);
      expect(new Date(at.getTime() + VN_OFFSET_MS).getUTCHours()).toBe(
        Number(
          new Intl.DateTimeFormat('en-GB', { timeZone: VN_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' }).format(at),
        ),
      );
    }
  });
});

describe('period keys', () => {
  it('cuts every kind of DESIGN.md §7 in Vietnam time, end exclusive', () => {
    expect(range('2026-11')).toEqual(['2026-11-01', '2026-11-30']);
    expect(range('2026-Q4')).toEqual(['2026-10-01', '2026-12-31']);
    expect(range('2026-H2')).toEqual(['2026-07-01', '2026-12-31']);
    expect(range('2026-H1')).toEqual(['2026-01-01', '2026-06-30']);
    expect(range('2026')).toEqual(['2026-01-01', '2026-12-31']);
    expect(range('SY2026-2027')).toEqual(['2026-09-01', '2027-05-31']);
    expect(range('RP6-2026-03')).toEqual(['2025-09-01', '2026-02-28']);
    expect(range('RP6-2026-09')).toEqual(['2026-03-01', '2026-08-31']);
    expect(range('RP12-2026-09')).toEqual(['2025-09-01', '2026-08-31']);
    const q = periodRange('2026-Q4');
    expect(q.start).toBe(vn('2026-10-01T00:00:00'));
    expect(q.end).toBe(vn('2027-01-01T00:00:00'));
    expect(new Date(q.start).toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(q.kind).toBe('quarter');
  });

  it('ends the February recognition period on 29/02 in a leap year', () => {
    expect(range('RP6-2028-03')).toEqual(['2027-09-01', '2028-02-29']);
    expect(periodRange('RP6-2028-03').end).toBe(vn('2028-03-01T00:00:00'));
    expect(periodDays('RP6-2028-03')).toBe(182);
    expect(periodDays('RP6-2026-03')).toBe(181);
    expect(periodMonths('2028-02')).toEqual(['2028-02']);
    expect(periodDays('2028-02')).toBe(29);
  });

  it('refuses keys that name no period', () => {
    for (const bad of [
      '2026-13',
      '2026-00',
      '2026-Q5',
      '2026-H3',
      'SY2026-2028',
      'RP6-2026-06',
      'RP12-2026-03',
      '26-11',
      '2026-11 ',
      '1999',
      '',
      '2026-q4',
    ]) {
      expect(parsePeriod(bad), bad).toBeNull();
      expect(periodKeySchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(() => periodRange('2026-Q5')).toThrowError(expect.objectContaining({ status: 422, code: 'invalid_period' }));
    expect(periodKeySchema.parse('RP6-2026-09')).toBe('RP6-2026-09');
  });
});

describe('periodOf', () => {
  it('puts the last minute of a quarter in Vietnam time in that quarter, and the next minute in the next', () => {
    const last = vn('2026-12-31T23:59:59.999');
    expect(periodOf('quarter', last)).toBe('2026-Q4');
    expect(periodOf('month', last)).toBe('2026-12');
    expect(periodOf('year', last)).toBe('2026');
    // 00:00 on 1 January in Vietnam is still 31 December in UTC: the period follows Vietnam time.
    const first = vn('2027-01-01T00:00:00');
    expect(new Date(first).getUTCFullYear()).toBe(2026);
    expect(periodOf('quarter', first)).toBe('2027-Q1');
    expect(periodOf('half', first)).toBe('2027-H1');
    expect(periodOf('quarter', vn('2026-03-31T23:59:00'))).toBe('2026-Q1');
    expect(periodOf('quarter', vn('2026-04-01T00:00:00'))).toBe('2026-Q2');
  });

  it('switches recognition periods on 01/09 and 01/03', () => {
    expect(periodOf('recognition_6m', vn('2025-08-31T23:59:59'))).toBe('RP6-2025-09');
    expect(periodOf('recognition_6m', vn('2025-09-01T00:00:00'))).toBe('RP6-2026-03');
    expect(periodOf('recognition_6m', vn('2026-02-28T23:59:59'))).toBe('RP6-2026-03');
    expect(periodOf('recognition_6m', vn('2026-03-01T00:00:00'))).toBe('RP6-2026-09');
    expect(periodOf('recognition_6m', vn('2028-02-29T12:00:00'))).toBe('RP6-2028-03');
    expect(periodOf('recognition_12m', vn('2025-08-31T23:59:59'))).toBe('RP12-2025-09');
    expect(periodOf('recognition_12m', vn('2025-09-01T00:00:00'))).toBe('RP12-2026-09');
    expect(periodOf('recognition_12m', vn('2026-08-31T23:59:59'))).toBe('RP12-2026-09');
  });

  it('gives school years from September to May and counts the summer toward the coming one', () => {
    expect(periodOf('school_year', vn('2026-09-01T00:00:00'))).toBe('SY2026-2027');
    expect(periodOf('school_year', vn('2027-05-31T23:59:59'))).toBe('SY2026-2027');
    expect(periodOf('school_year', vn('2027-06-01T00:00:00'))).toBe('SY2027-2028');
    expect(inPeriod(periodRange('SY2027-2028'), vn('2027-07-15T00:00:00'))).toBe(false);
  });

  it('round-trips: every instant lies in the period periodOf names', () => {
    const kinds: PeriodKind[] = ['month', 'quarter', 'half', 'year', 'recognition_6m', 'recognition_12m'];
    for (let t = vn('2025-01-01T00:00:00'); t < vn('2029-01-01T00:00:00'); t += 86_400_000 * 3.7) {
      for (const kind of kinds) {
        const p = periodRange(periodOf(kind, t));
        expect(inPeriod(p, t), `${kind} ${vnDate(t)}`).toBe(true);
        expect(p.kind).toBe(kind);
      }
    }
  });
});

describe('previous and next', () => {
  it('steps across year boundaries and keeps the kind', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(nextPeriod('2026-H2')).toBe('2027-H1');
    expect(nextPeriod('2026')).toBe('2027');
    expect(previousPeriod('SY2026-2027')).toBe('SY2025-2026');
    expect(nextPeriod('SY2026-2027')).toBe('SY2027-2028');
    expect(nextPeriod('RP6-2026-03')).toBe('RP6-2026-09');
    expect(nextPeriod('RP6-2026-09')).toBe('RP6-2027-03');
    expect(previousPeriod('RP6-2026-03')).toBe('RP6-2025-09');
    expect(previousPeriod('RP12-2026-09')).toBe('RP12-2025-09');
    expect(periodRange(nextPeriod('RP6-2026-03')).start).toBe(periodRange('RP6-2026-03').end);
  });
});

describe('days left', () => {
  it('counts the Vietnam day of now, 1 on the last day, 0 after, the whole length before', () => {
    expect(daysLeft('2026-Q4', vn('2026-12-31T23:59:00'))).toBe(1);
    expect(daysLeft('2026-Q4', vn('2026-12-01T08:00:00'))).toBe(31);
    // 20:00 UTC on 30/11 is already 1 December in Vietnam.
    expect(daysLeft('2026-Q4', Date.parse('2026-11-30T20:00:00Z'))).toBe(31);
    expect(daysLeft('2026-Q4', vn('2027-01-01T00:00:00'))).toBe(0);
    expect(daysLeft('2026-Q4', vn('2026-01-01T00:00:00'))).toBe(92);
    expect(daysLeft('RP6-2028-03', vn('2028-02-28T10:00:00'))).toBe(2);
  });
});

describe('helpers', () => {
  it('lists the months of a period', () => {
    expect(periodMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodMonths('RP6-2026-03')).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodMonths('SY2026-2027')).toHaveLength(9);
    expect(periodMonths('RP12-2026-09')).toHaveLength(12);
  });

  it('gives the recognition decision deadline', () => {
    expect(recognitionDeadline('RP6-2026-03')).toBe('2026-03-10');
    expect(recognitionDeadline('RP6-2026-09')).toBe('2026-09-10');
    expect(recognitionDeadline('RP12-2026-09')).toBe('2026-09-10');
    expect(recognitionDeadline('2026-Q4')).toBeNull();
  });

  it('labels periods in both languages', () => {
    expect(periodLabel('2026-Q4')).toBe('Quý IV/2026');
    expect(periodLabel('2026-Q4', 'en')).toBe('Q4 2026');
    expect(periodLabel('2026-11')).toBe('Tháng 11/2026');
    expect(periodLabel('2026-H1')).toBe('6 tháng đầu năm 2026');
    expect(periodLabel('SY2026-2027')).toBe('Năm học 2026–2027');
    expect(periodLabel('RP6-2028-03')).toBe('Kỳ công nhận 6 tháng 01/09/2027–29/02/2028');
    expect(periodLabel('RP12-2026-09', 'en')).toBe('Yearly recognition period 01/09/2025–31/08/2026');
  });

  it('maps the target frequency to the headline period kind', () => {
    expect(headlineKind('monthly')).toBe('month');
    expect(headlineKind('quarterly')).toBe('quarter');
  });

  it('converts between dates and Vietnam midnights', () => {
    expect(vnDateStart('2026-09-01')).toBe(vn('2026-09-01T00:00:00'));
    expect(vnDate(vn('2026-09-01T00:00:00') - 1)).toBe('2026-08-31');
  });
});
