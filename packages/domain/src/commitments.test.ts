import { describe, expect, it } from 'vitest';
import {
  canonicalEntry,
  commitmentCoverage,
  entryInput,
  duplicateOfProblem,
  entryInReviewScope,
  entryProblems,
  houseKey,
  isPngDataUrl,
  newReceiptCode,
  nextVersion,
  normalizeReceiptCode,
  proposeDuplicates,
  receiptAlphabet,
  retentionCutoff,
  validatePaperRows,
  paperEntryKey,
  vietnamToday,
  type DuplicateCandidate,
} from './commitments.ts';
import { entryUnit, entryUnitIds, signedUnit } from './commitment-units.ts';

// A 1x1 PNG.
const tinyPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const base = {
  id: '7d3c2a5e-1b4f-4c8e-9a6d-2f1e0b9c8a7d',
  campaignId: 'c1',
  villageId: 'v1',
  signerName: 'Nguyễn Văn An',
  address: 'Số nhà 12',
  members: 4,
  consent: true,
  signature: { kind: 'typed', name: 'Nguyễn Văn An' },
};

describe('receipt codes', () => {
  it('uses no 0, O, 1, I or L, and reads back after lower case and spaces', () => {
    for (const ch of '0O1IL') expect(receiptAlphabet).not.toContain(ch);
    let i = 0;
    const code = newReceiptCode((n) => i++ % n);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normalizeReceiptCode(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(code);
  });
  it('refuses ambiguous letters and wrong lengths', () => {
    expect(normalizeReceiptCode('ABCD-EFG0')).toBeNull();
    expect(normalizeReceiptCode('ABCD-EFGO')).toBeNull();
    expect(normalizeReceiptCode('ABC')).toBeNull();
  });
});

describe('entry input', () => {
  it('accepts a household entry with a typed signature', () => {
    const parsed = entryInput.parse(base);
    expect(entryProblems('household', parsed)).toEqual([]);
  });
  it('refuses a typed signature that is not the signer’s name', () => {
    expect(entryInput.safeParse({ ...base, signature: { kind: 'typed', name: 'Người khác' } }).success).toBe(false);
  });
  it('accepts a small PNG and refuses other images, fakes and oversized ones', () => {
    expect(isPngDataUrl(tinyPng)).toBe(true);
    expect(isPngDataUrl('data:image/jpeg;base64,/9j/4AAQSkZJRg==')).toBe(false);
    expect(isPngDataUrl('data:image/png;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=')).toBe(false);
    expect(isPngDataUrl(tinyPng, 10)).toBe(false);
    expect(entryInput.safeParse({ ...base, signature: { kind: 'drawn', dataUrl: tinyPng } }).success).toBe(true);
    expect(
      entryInput.safeParse({ ...base, signature: { kind: 'drawn', dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' } })
        .success,
    ).toBe(false);
  });
  it('requires consent, a real uuid and a Vietnamese phone', () => {
    expect(entryInput.safeParse({ ...base, consent: false }).success).toBe(false);
    expect(entryInput.safeParse({ ...base, id: 'abc' }).success).toBe(false);
    expect(entryInput.safeParse({ ...base, phone: '12345' }).success).toBe(false);
    expect(entryInput.parse({ ...base, phone: '0912 345 678' }).phone).toBe('0912345678');
  });
  it('asks each kind for its own unit and fields', () => {
    const e = entryInput.parse({ ...base, address: '', members: undefined });
    expect(entryProblems('household', e).map((p) => p.path)).toEqual(['address', 'members']);
    expect(entryProblems('school', e).map((p) => p.path)).toEqual(['villageId', 'schoolId']);
    const student = entryInput.parse({ ...base, villageId: undefined, schoolId: 's1' });
    expect(entryProblems('student', student).map((p) => p.path)).toEqual(['guardianName']);
  });
  it('maps each kind to the one unit column it fills and reads', () => {
    expect(entryUnitIds('household', 'v1')).toEqual({ villageId: 'v1', schoolId: null, organizationId: null });
    expect(entryUnitIds('village', 'v1')).toEqual({ villageId: 'v1', schoolId: null, organizationId: null });
    expect(entryUnitIds('school', 's1')).toEqual({ villageId: null, schoolId: 's1', organizationId: null });
    expect(entryUnitIds('student', 's1')).toEqual({ villageId: null, schoolId: 's1', organizationId: null });
    expect(entryUnitIds('organization', 'o1')).toEqual({ villageId: null, schoolId: null, organizationId: 'o1' });
    const given = { villageId: 'v1', schoolId: 's1' };
    expect(entryUnit('household', given)).toEqual({ kind: 'village', id: 'v1' });
    expect(entryUnit('student', given)).toEqual({ kind: 'school', id: 's1' });
    expect(entryUnit('organization', given)).toEqual({ kind: 'organization', id: null });
    for (const kind of ['household', 'organization', 'school', 'student', 'village'] as const)
      expect(signedUnit({ kind, ...entryUnitIds(kind, 'u1') })).toEqual({ kind: entryUnit(kind, {}).kind, id: 'u1' });
  });
  it('gives the same canonical text for the same entry whatever the key order or spacing', () => {
    const a = entryInput.parse(base);
    const b = entryInput.parse({ ...base, signerName: ' Nguyễn  Văn An ' });
    expect(canonicalEntry(a)).toBe(canonicalEntry(b));
    expect(canonicalEntry(a)).not.toBe(canonicalEntry(entryInput.parse({ ...base, members: 5 })));
  });
});

describe('duplicate proposals', () => {
  const entry = (id: string, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
    id,
    campaignId: 'c1',
    villageId: 'v1',
    signerName: 'Nguyễn Văn An',
    address: 'Số nhà 12',
    status: 'submitted',
    createdAt: `2026-11-0${id.length}T00:00:00Z`,
    ...over,
  });
  it('finds “Nguyễn Văn An” and “nguyen van  an” at the same house number', () => {
    expect(houseKey('Số nhà 12')).toBe(houseKey('12'));
    const found = proposeDuplicates([entry('a'), entry('bb', { signerName: 'nguyen van  an', address: 'số 12' })]);
    expect(found).toEqual([{ originalId: 'a', duplicateIds: ['bb'] }]);
  });
  it('keeps apart other houses, villages, campaigns, and rejected entries', () => {
    expect(
      proposeDuplicates([
        entry('a'),
        entry('b', { address: '14' }),
        entry('c', { villageId: 'v2' }),
        entry('d', { campaignId: 'c2' }),
        entry('e', { status: 'rejected' }),
      ]),
    ).toEqual([]);
  });
  it('keeps the verified entry as the original', () => {
    expect(proposeDuplicates([entry('a'), entry('bb', { status: 'verified' })])).toEqual([
      { originalId: 'bb', duplicateIds: ['a'] },
    ]);
  });
});

describe('commitment coverage', () => {
  it('counts verified households over households, units over active units, and lists the furthest villages', () => {
    const cov = commitmentCoverage(
      {
        villages: [
          { id: 'v1', name: 'Thôn 1', households: 100, active: true },
          { id: 'v2', name: 'Thôn 2', households: 50, active: true },
          { id: 'v3', name: 'Thôn 3', households: 80, active: false },
        ],
        schools: [
          { id: 's1', active: true },
          { id: 's2', active: false },
        ],
        organizations: [
          { id: 'o1', active: true },
          { id: 'o2', active: true },
        ],
      },
      {
        householdsByVillage: { v1: 50, v2: 60, v3: 80 },
        signedByVillage: { v1: 70, v2: 60 },
        organizationIds: ['o1'],
        schoolIds: ['s1', 's2'],
      },
    );
    expect(cov.households).toEqual({ numerator: 100, denominator: 150, ratio: 100 / 150 });
    expect(cov.signed.numerator).toBe(120);
    expect(cov.units).toEqual({ numerator: 2, denominator: 3, ratio: 2 / 3 });
    expect(cov.furthest.map((v) => v.id)).toEqual(['v1']);
    expect(cov.villages).toHaveLength(2);
  });
  it('has no ratio when there is nothing to count', () => {
    const cov = commitmentCoverage(
      { villages: [], schools: [], organizations: [] },
      { householdsByVillage: {}, signedByVillage: {}, organizationIds: [], schoolIds: [] },
    );
    expect(cov.households.ratio).toBeNull();
  });
});

describe('campaign versions, dates and retention', () => {
  it('moves the version only when the words change', () => {
    expect(nextVersion({ text: 'Cam kết A', version: 1 }, 'Cam kết  A')).toBe(1);
    expect(nextVersion({ text: 'Cam kết A', version: 1 }, 'Cam kết B')).toBe(2);
    expect(nextVersion({ text: 'Cam kết A', version: 3 }, undefined)).toBe(3);
  });
  it('cuts the day in Vietnam time', () => {
    expect(vietnamToday(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });
  it('counts retention back in months', () => {
    expect(retentionCutoff(new Date('2026-11-23T00:00:00Z'), 36).toISOString()).toBe('2023-11-23T00:00:00.000Z');
  });
});

describe('paper rows', () => {
  const units = new Map([['thon dong', 'v1']]);
  const campaign = { opensOn: '2026-01-01', closesOn: '2026-12-31' };
  const sheet = (...rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));
  it('reads Vietnamese headers and reports each bad row with its column as labelled', () => {
    const checked = validatePaperRows(
      'household',
      sheet(
        ['Họ tên', 'Thôn', 'Số nhà', 'Số nhân khẩu', 'Ngày ký'],
        ['Trần Thị Bình', 'Thôn Đông', '5', '3', '2026-03-02'],
        ['', 'Thôn Tây', '', 'x', '2025-03-02'],
      ),
      units,
      campaign,
    )!;
    const rows = checked.results;
    expect(rows[0]!.value).toMatchObject({ unitId: 'v1', members: 3, signedOn: '2026-03-02' });
    expect(rows[1]!.value).toBeNull();
    expect(rows[1]!.issues.map((e) => e.field)).toEqual(['signerName', 'unit', 'address', 'members', 'signedOn']);
    expect(rows[1]!.issues[1]).toMatchObject({ row: 3, column: 'Thôn', found: 'Thôn Tây', expect: 'unit' });
    expect(rows[1]!.row).toBe(3);
  });

  it('skips title rows, takes text dates, and stores names in NFC', () => {
    const nfd = 'Đặng Thị Hường'.normalize('NFD');
    const checked = validatePaperRows(
      'household',
      sheet(
        ['DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT', 'DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT'],
        [],
        ['STT', 'Họ và tên', 'Thôn', 'Địa chỉ', 'Số nhân khẩu', 'Ngày ký'],
        ['1', `  ${nfd}  `, 'thon  dong', 'Số 5', '4', '01/04/2026'],
        ['2', 'Lê Văn Cường', 'Thôn Đông', 'Số 6', '2', '1/4/26'],
      ),
      units,
      campaign,
    )!;
    expect(checked.columns.signerName).toBe('Họ và tên');
    expect(checked.results.map((r) => r.row)).toEqual([4, 5]);
    expect(checked.results[0]!.value).toMatchObject({ signerName: 'Đặng Thị Hường', signedOn: '2026-04-01' });
    expect(checked.results[0]!.value!.signerName).toBe(checked.results[0]!.value!.signerName.normalize('NFC'));
    expect(checked.results[1]!.value!.signedOn).toBe('2026-04-01');
  });

  it('recognises rows already stored and rows repeated in the file', () => {
    const stored = new Set([
      paperEntryKey('household', { unitId: 'v1', signedOn: '2026-04-01', signerName: 'Đặng Thị Hường' }),
    ]);
    const checked = validatePaperRows(
      'household',
      sheet(
        ['Họ và tên', 'Thôn', 'Địa chỉ', 'Số nhân khẩu', 'Ngày ký'],
        ['Đặng Thị Hường', 'Thôn Đông', 'Số 5', '4', '01/04/2026'],
        ['Đặng Thị Hương', 'Thôn Đông', 'Số 5', '4', '01/04/2026'],
        ['Đặng Thị Hương', 'Thôn Đông', 'Số 5', '4', '01/04/2026'],
      ),
      units,
      campaign,
      stored,
    )!;
    expect(checked.results.map((r) => r.exists ?? null)).toEqual([{ sameAsRow: null }, null, { sameAsRow: 3 }]);
  });

  it('finds no table without a signer or unit column', () => {
    expect(validatePaperRows('household', sheet(['a', 'b'], ['1', '2']), units, campaign)).toBeNull();
  });
});

describe('review', () => {
  const household = { id: 'e1', campaignId: 'c1', kind: 'household', villageId: 'v1', status: 'submitted' } as const;
  it('shows a village head only the household entries of their village, and an admin all', () => {
    expect(entryInReviewScope(household, null)).toBe(true);
    expect(entryInReviewScope(household, 'v1')).toBe(true);
    expect(entryInReviewScope(household, 'v2')).toBe(false);
    expect(entryInReviewScope({ kind: 'village', villageId: 'v1' }, 'v1')).toBe(false);
  });
  it('keeps a duplicate pointing at another visible entry of its campaign that is no duplicate itself', () => {
    const entry = { id: 'e2', campaignId: 'c1' };
    expect(duplicateOfProblem(entry, household, null)).toBeNull();
    expect(duplicateOfProblem(entry, household, 'v1')).toBeNull();
    expect(duplicateOfProblem(entry, null, null)).toBe('not_an_original');
    expect(duplicateOfProblem({ id: 'e1', campaignId: 'c1' }, household, null)).toBe('not_an_original');
    expect(duplicateOfProblem({ id: 'e2', campaignId: 'c2' }, household, null)).toBe('not_an_original');
    expect(duplicateOfProblem(entry, household, 'v2')).toBe('not_an_original');
    expect(duplicateOfProblem(entry, { ...household, status: 'duplicate' }, null)).toBe('duplicate_chain');
  });
});
