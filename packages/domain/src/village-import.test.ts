import { describe, expect, it } from 'vitest';
import { importField, importStep, validateVillageRows } from './village-import.ts';

describe('validateVillageRows', () => {
  it('accepts good rows and reports bad ones with their file row number', () => {
    const results = validateVillageRows([
      {
        name: 'Thôn Thọ Xuân',
        kind: 'thon',
        population: '1.250',
        households: '320',
        mailbox_installed_on: '2025-09-20',
      },
      { name: 'Thôn Hồ Sen', kind: 'village', population: 'nhiều', households: '' },
      { name: '', kind: 'thon' },
      { name: 'Tổ dân phố số 3', kind: 'Tổ dân phố', board_installed_on: '2025-02-30' },
    ]);
    expect(results[0]).toMatchObject({
      row: 2,
      errors: [],
      value: { kind: 'thon', population: 1250, households: 320, mailboxInstalledOn: '2025-09-20' },
    });
    expect(results[1]!.row).toBe(3);
    expect(results[1]!.value).toBeNull();
    expect(results[1]!.errors.map((e) => e.path).sort()).toEqual(['kind', 'population']);
    expect(results[2]!.errors.map((e) => e.path)).toContain('name');
    expect(results[3]!.errors.map((e) => e.path)).toEqual(['boardInstalledOn']);
    // What the sentence needs: the column as the file labels it, the cell, and what to type.
    expect(results[1]!.issues).toContainEqual({
      row: 3,
      field: 'kind',
      column: 'kind',
      found: 'village',
      expect: 'villageKind',
    });
    expect(results[2]!.issues).toContainEqual({ row: 4, field: 'name', column: 'name', found: '', expect: 'required' });
  });

  it('flags a name repeated inside the file, whatever its accents or case', () => {
    const results = validateVillageRows([
      { name: 'Thôn Cầu Đen', kind: 'thon' },
      { name: 'thon cau den', kind: 'thon' },
    ]);
    expect(results[0]!.errors).toEqual([]);
    expect(results[1]!.issues).toEqual([
      { row: 3, field: 'name', column: 'name', found: 'thon cau den', expect: 'uniqueName', params: { first: 2 } },
    ]);
  });

  it('reads Vietnamese headers', () => {
    expect(importField('Số hộ')).toBe('households');
    expect(importField('Tên')).toBe('name');
    expect(importField('unknown column')).toBeNull();
  });
});

describe('importStep', () => {
  it('only reports a check or a file without a valid row', () => {
    expect(importStep('check', 5, 0)).toBe('report');
    expect(importStep('valid_only', 0, 3)).toBe('report');
  });
  it('refuses a file with a bad row when all or nothing was chosen', () => {
    expect(importStep('all_or_nothing', 5, 1)).toBe('refuse');
    expect(importStep('all_or_nothing', 5, 0)).toBe('write');
  });
  it('writes the valid rows when asked to', () => {
    expect(importStep('valid_only', 5, 1)).toBe('write');
  });
});
