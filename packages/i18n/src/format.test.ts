import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatTime, formatYear } from './format.ts';

// 2026-12-04 14:44 UTC is 21:44 on the same day in Vietnam; 2026-12-04 18:30 UTC is already the 5th there.
const evening = Date.UTC(2026, 11, 4, 14, 44);
const pastMidnight = Date.UTC(2026, 11, 4, 18, 30);

describe('one formatter', () => {
  it('writes dates dd/mm/yyyy in Vietnam time, calendar dates as they are', () => {
    expect(formatDate(evening)).toBe('04/12/2026');
    expect(formatDate(pastMidnight)).toBe('05/12/2026');
    expect(formatDate(new Date(evening).toISOString())).toBe('04/12/2026');
    expect(formatDate('2026-04-01')).toBe('01/04/2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it('writes times HH:mm and date-times without seconds', () => {
    expect(formatTime(evening)).toBe('21:44');
    expect(formatDateTime(evening)).toBe('04/12/2026 21:44');
    expect(formatDateTime(pastMidnight)).toBe('05/12/2026 01:30');
  });

  it('groups numbers with the language and never groups a year', () => {
    expect(formatNumber(20021)).toBe('20.021');
    expect(formatNumber(20021, 'en')).toBe('20,021');
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(null)).toBe('');
    expect(formatYear(2035)).toBe('2035');
  });

  it('writes percentages as 0,7 % in Vietnamese and 0.7% in English', () => {
    expect(formatPercent(0.007)).toBe('0,7 %');
    expect(formatPercent(0.0034)).toBe('0,3 %');
    expect(formatPercent(0.364, 'en')).toBe('36.4%');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0.5, 'vi', 0)).toBe('50 %');
    expect(formatPercent(null)).toBe('');
  });
});
