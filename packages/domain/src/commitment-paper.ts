import { cleanText, nameKey } from './text.ts';
import { isoDate, nameSchema } from './units.ts';
import { campaignTarget, phoneSchema, type CampaignKind } from './commitments.ts';

/** Reading signed paper forms from a CSV or XLSX file. */

const paperHeaders: Record<string, string> = {
  ho_ten: 'signerName',
  ho_va_ten: 'signerName',
  nguoi_ky: 'signerName',
  signer_name: 'signerName',
  name: 'signerName',
  thon: 'unit',
  to_dan_pho: 'unit',
  thon_to_dan_pho: 'unit',
  village: 'unit',
  truong: 'unit',
  school: 'unit',
  don_vi: 'unit',
  co_quan: 'unit',
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
  row: number;
  signerName: string;
  value: PaperEntry | null;
  errors: { path: string; message: string }[];
}

/**
 * Checks the rows of a file of signed paper forms for one campaign. `units` maps a unit's name
 * key (village, school or organization, by the campaign's kind) to its id.
 */
export function validatePaperRows(
  kind: CampaignKind,
  records: readonly Record<string, string>[],
  units: ReadonlyMap<string, string>,
  campaign: { opensOn: string; closesOn: string },
): PaperRowResult[] {
  return records.map((record, index) => {
    const f: Record<string, string> = {};
    for (const [header, cell] of Object.entries(record)) {
      const field = paperField(header);
      if (field) f[field] = (cell ?? '').trim();
    }
    const errors: { path: string; message: string }[] = [];
    const name = nameSchema.safeParse(f.signerName ?? '');
    if (!name.success) errors.push({ path: 'signerName', message: 'required, at most 120 characters' });
    const unitId = units.get(nameKey(f.unit ?? ''));
    if (!unitId) errors.push({ path: 'unit', message: `unknown ${campaignTarget(kind)}` });
    const address = cleanText(f.address ?? '');
    if (address.length > 200) errors.push({ path: 'address', message: 'at most 200 characters' });
    if (kind === 'household' && !address) errors.push({ path: 'address', message: 'required' });
    let members: number | null = null;
    if (f.members) {
      members = /^\d{1,2}$/.test(f.members) ? Number(f.members) : NaN;
      if (!(members >= 1 && members <= 50)) errors.push({ path: 'members', message: 'a number from 1 to 50' });
    } else if (kind === 'household') errors.push({ path: 'members', message: 'required' });
    const phone = f.phone ? phoneSchema.safeParse(f.phone) : null;
    if (phone && !phone.success) errors.push({ path: 'phone', message: 'not a Vietnamese phone number' });
    const guardian = f.guardianName ? cleanText(f.guardianName) : null;
    if (kind === 'student' && !guardian) errors.push({ path: 'guardianName', message: 'required' });
    const signedOn = f.signedOn ?? '';
    if (!isoDate.safeParse(signedOn).success) errors.push({ path: 'signedOn', message: 'a date YYYY-MM-DD' });
    else if (signedOn < campaign.opensOn || signedOn > campaign.closesOn)
      errors.push({ path: 'signedOn', message: 'outside the campaign dates' });
    const value: PaperEntry | null =
      errors.length === 0
        ? {
            signerName: name.data!,
            unitId: unitId!,
            address,
            members,
            phone: phone?.data ?? null,
            guardianName: guardian,
            signedOn,
          }
        : null;
    return { row: index + 2, signerName: (f.signerName ?? '').trim(), value, errors };
  });
}
