import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatDay, formatTime } from './format';

describe('formatDateTime', () => {
  it('shows an instant in Vietnam time (UTC+7) as dd/MM/yyyy HH:mm', () => {
    expect(formatDateTime('2026-03-09T17:30:00.000Z')).toBe('10/03/2026 00:30');
  });
  it('gives an empty string for no value or a bad one', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('formatDay', () => {
  it('reorders a calendar date without shifting it across zones', () => {
    expect(formatDay('2025-09-01')).toBe('01/09/2025');
    expect(formatDay(null)).toBe('');
  });
});

describe('formatCount', () => {
  it('groups thousands the way each language writes them', () => {
    expect(formatCount(12345, 'vi')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(null, 'vi')).toBe('');
  });
});

describe('formatTime', () => {
  it('shows the time of day in Vietnam time as HH:mm', () => {
    expect(formatTime('2026-03-09T07:35:00.000Z')).toBe('14:35');
    expect(formatTime(undefined)).toBe('');
  });
});
