import { cleanText, nameKey } from './text.ts';
import { nameSchema } from './units.ts';
import { campaignTarget, type CampaignKind } from './commitment-units.ts';
import { phoneSchema } from './commitments.ts';
import {
  findTable,
  parseSheetDate,
  sheetDateText,
  tableRecords,
  type RowIssue,
  type SheetRow,
} from './import-sheet.ts';

/** Reading signed paper forms from a CSV or XLSX file. */

const paperHeaders: Record<string, string> = {
  ho_ten: 'signerName',
  ho_va_ten: 'signerName',
  nguoi_ky: 'signerName',
  ho_ten_nguoi_ky: 'signerName',
  ho_va_ten_nguoi_ky: 'signerName',
  ho_ten_chu_ho: 'signerName',
  chu_ho: 'signerName',
  ho_va_ten_chu_ho: 'signerName',
  full_name: 'signerName',
  dia_chi_so_nha: 'address',
  address_house_number: 'address',
  household_members: 'members',
  phone_number: 'phone',
  parent_s_name: 'guardianName',
  date_signed: 'signedOn',
  agency_or_business: 'unit',
  signer_name: 'signerName',
  name: 'signerName',
  thon: 'unit',
  to_dan_pho: 'unit',
  thon_to_dan_pho: 'unit',
  thon_to: 'unit',
  village: 'unit',
  truong: 'unit',
  school: 'unit',
  don_vi: 'unit',
  co_quan: 'unit',
  co_quan_doanh_nghiep: 'unit',
  organization: 'unit',
  dia_chi: 'address',
  so_nha: 'address',
  address: 'address',
  so_nhan_khau: 'members',
  nhan_khau: 'members',
  members: 'members',
  dien_thoai: 'phone',
  so_dien_thoai: 'phone',
  phone: 'phone',
  phu_huynh: 'guardianName',
  ho_ten_phu_huynh: 'guardianName',
  guardian_name: 'guardianName',
  ngay_ky: 'signedOn',
  signed_on: 'signedOn',
};

export function paperField(header: string): string | null {
  const key = nameKey(header)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return paperHeaders[key] ?? null;
}

/** The columns of a paper form file, in the order of the downloadable template. */
export function paperColumns(kind: CampaignKind): string[] {
  const columns = ['signerName', 'unit', 'address'];
  if (kind === 'household') columns.push('members');
  if (kind === 'student') columns.push('guardianName');
  columns.push('phone', 'signedOn');
  return columns;
}

export interface PaperEntry {
  signerName: string;
  unitId: string;
  address: string;
  members: number | null;
  phone: string | null;
  guardianName: string | null;
  signedOn: string;
}

export interface PaperRowResult {
  /** The row's number in the file, as Excel shows it. */
  row: number;
  signerName: string;
  value: PaperEntry | null;
  issues: RowIssue[];
  /** Set when the row is already stored (an earlier upload) or repeats an earlier row of this file. */
  exists?: { sameAsRow: number | null };
}

/**
 * The key by which a paper entry is recognised again when a file is uploaded twice: the campaign's
 * kind, the unit, the day signed and the signer's name as written (NFC, single spaces, any case).
 */
export function paperEntryKey(kind: CampaignKind, e: { unitId: string; signedOn: string; signerName: string }) {
  return [kind, e.unitId, e.signedOn, cleanText(e.signerName).toLocaleLowerCase('vi')].join('|');
}

/**
 * Checks the rows of a file of signed paper forms for one campaign. `rows` are the sheet's rows as
 * read (title rows above the header are skipped); `units` maps a unit's name key (village, school
 * or organization, by the campaign's kind) to its id and name; `stored` holds the keys
 * (`paperEntryKey`) of the campaign's entries already stored. Returns null when no header row names
 * a signer's column.
 */
export function validatePaperRows(
  kind: CampaignKind,
  rows: readonly SheetRow[],
  units: ReadonlyMap<string, string>,
  campaign: { opensOn: string; closesOn: string },
  stored: ReadonlySet<string> = new Set(),
): { columns: Record<string, string>; results: PaperRowResult[] } | null {
  const table = findTable(rows, paperField);
  if (!table) return null;
  const { columns, records } = tableRecords(table, paperField);
  if (!columns.signerName && !columns.unit) return null;
  const target = campaignTarget(kind);
  const seen = new Map<string, number>();
  const results = records.map(({ row, fields: f }): PaperRowResult => {
    const issues: RowIssue[] = [];
    const issue = (field: string, expect: RowIssue['expect'], params?: RowIssue['params']) =>
      issues.push({
        row,
        field,
        column: columns[field] ?? null,
        found: f[field] ?? '',
        expect,
        ...(params ? { params } : {}),
      });
    const name = nameSchema.safeParse(f.signerName ?? '');
    if (!name.success) issue('signerName', f.signerName ? 'text120' : 'required');
    const unitId = units.get(nameKey(f.unit ?? ''));
    if (!unitId) issue('unit', f.unit ? 'unit' : 'required', { target });
    const address = f.address ?? '';
    if (address.length > 200) issue('address', 'text200');
    if (kind === 'household' && !address) issue('address', 'required');
    let members: number | null = null;
    if (f.members) {
      members = /^\d{1,2}$/.test(f.members) ? Number(f.members) : NaN;
      if (!(members >= 1 && members <= 50)) issue('members', 'members');
    } else if (kind === 'household') issue('members', 'required');
    const phone = f.phone ? phoneSchema.safeParse(f.phone) : null;
    if (phone && !phone.success) issue('phone', 'phone');
    const guardian = f.guardianName || null;
    if (kind === 'student' && !guardian) issue('guardianName', 'required');
    const signedOn = parseSheetDate(f.signedOn ?? '');
    if (!f.signedOn) issue('signedOn', 'required');
    else if (!signedOn) issue('signedOn', 'date');
    else if (signedOn < campaign.opensOn || signedOn > campaign.closesOn)
      issue('signedOn', 'dateInCampaign', {
        opensOn: sheetDateText(campaign.opensOn),
        closesOn: sheetDateText(campaign.closesOn),
      });
    if (issues.length > 0) return { row, signerName: f.signerName ?? '', value: null, issues };
    const value: PaperEntry = {
      signerName: name.data!,
      unitId: unitId!,
      address,
      members,
      phone: phone?.data ?? null,
      guardianName: guardian,
      signedOn: signedOn!,
    };
    const key = paperEntryKey(kind, value);
    const first = seen.get(key);
    if (first !== undefined) return { row, signerName: value.signerName, value, issues, exists: { sameAsRow: first } };
    seen.set(key, row);
    if (stored.has(key)) return { row, signerName: value.signerName, value, issues, exists: { sameAsRow: null } };
    return { row, signerName: value.signerName, value, issues };
  });
  return { columns, results };
}
