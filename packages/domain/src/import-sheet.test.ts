import { describe, expect, it } from 'vitest';
import { cleanCell, findTable, parseSheetDate, sheetDateText, tableRecords } from './import-sheet.ts';
import { importField } from './village-import.ts';

describe('parseSheetDate', () => {
  it('takes the ways a date is typed in a Vietnamese sheet', () => {
    expect(parseSheetDate('2026-04-01')).toBe('2026-04-01');
    expect(parseSheetDate('01/04/2026')).toBe('2026-04-01');
    expect(parseSheetDate('1/4/2026')).toBe('2026-04-01');
    expect(parseSheetDate('1/4/26')).toBe('2026-04-01');
    expect(parseSheetDate(' 31.12.2026 ')).toBe('2026-12-31');
    expect(parseSheetDate('15-3-2026')).toBe('2026-03-15');
  });
  it('takes an Excel date serial', () => {
    expect(parseSheetDate('46113')).toBe('2026-04-01');
  });
  it('refuses dates that do not exist and text that is no date', () => {
    expect(parseSheetDate('31/02/2026')).toBeNull();
    expect(parseSheetDate('13/13/2026')).toBeNull();
    expect(parseSheetDate('04/2026')).toBeNull();
    expect(parseSheetDate('hôm qua')).toBeNull();
    expect(parseSheetDate('12345')).toBeNull();
    expect(parseSheetDate('')).toBeNull();
  });
  it('writes a date back as dd/mm/yyyy', () => {
    expect(sheetDateText('2026-04-01')).toBe('01/04/2026');
  });
});

describe('cleanCell', () => {
  it('normalises to NFC, trims and collapses spaces', () => {
    const nfd = 'Nguyễn  Thị\u00a0Hường'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(cleanCell(` ${nfd} `)).toBe('Nguyễn Thị Hường');
    expect(cleanCell(` ${nfd} `)).toBe('Nguyễn Thị Hường'.normalize('NFC'));
  });
});

describe('findTable', () => {
  const rows = (...r: string[][]) => r.map((cells, i) => ({ row: i + 1, cells }));
  it('finds the header below title rows and merged title cells', () => {
    const table = findTable(
      rows(
        ['UBND XÃ KIẾN THỤY', 'UBND XÃ KIẾN THỤY', ''],
        ['DANH SÁCH THÔN NĂM 2026', 'DANH SÁCH THÔN NĂM 2026', 'DANH SÁCH THÔN NĂM 2026'],
        ['', '', ''],
        ['Tên', 'Loại', 'Số hộ'],
        ['Thôn Đông', 'Thôn', '120'],
      ),
      importField,
    )!;
    expect(table.headerRow).toBe(4);
    expect(table.rows).toEqual([{ row: 5, cells: ['Thôn Đông', 'Thôn', '120'] }]);
    expect(tableRecords(table, importField)).toEqual({
      columns: { name: 'Tên', kind: 'Loại', households: 'Số hộ' },
      records: [{ row: 5, fields: { name: 'Thôn Đông', kind: 'Thôn', households: '120' } }],
    });
  });
  it('takes the first row without a field map, and nothing from an empty sheet', () => {
    expect(findTable(rows(['a'], ['1']))!.headerRow).toBe(1);
    expect(findTable(rows([''], ['']))).toBeNull();
    expect(findTable(rows(['x', 'y'], ['1', '2']), importField)).toBeNull();
  });
});
