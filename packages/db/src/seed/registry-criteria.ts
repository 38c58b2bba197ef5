import { isNull } from 'drizzle-orm';
import { criteriaListInput, type CriterionInput } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { registryCriteria } from '../schema/index.ts';

const giaVien = 'Kế hoạch xây dựng mô hình “Tổ dân phố không ma túy” phường Gia Viên (2025), mục';

/**
 * The default criteria of a drug-free village, taken from the commune plans in the seed documents. Every one is marked
 * to be checked against Quyết định 28/2025/QĐ-TTg (criteria for drug-free areas), whose text this project does not
 * hold: a province adjusts the list once it has checked it.
 */
export const defaultRegistryCriteria: CriterionInput[] = [
  {
    key: 'outreach',
    labelVi: 'Thôn được tuyên truyền phòng, chống ma túy đủ số lần theo kế hoạch (mỗi tháng hoặc mỗi quý)',
    labelEn: 'The village was reached by drug-prevention outreach as often as the plan asks (every month or quarter)',
    source: 'computed',
    computedKey: 'villageOutreach',
    target: 100,
    basis: `${giaVien} III.1: 100% tổ dân phố được tiếp cận thông tin ít nhất 01 lần/tháng`,
    toCheck: true,
  },
  {
    key: 'householdCommitment',
    labelVi: 'Hộ gia đình trong thôn ký cam kết không ma túy',
    labelEn: 'Households of the village signed the drug-free commitment',
    source: 'computed',
    computedKey: 'householdCommitment',
    target: 100,
    basis: `${giaVien} III.2: phát động từng tổ dân phố, hộ gia đình cam kết tự quản, giữ vững mục tiêu “không ma túy”`,
    toCheck: true,
  },
  {
    key: 'mailboxBoard',
    labelVi: 'Có hòm thư tố giác tội phạm và bảng niêm yết số điện thoại đường dây nóng',
    labelEn: 'A tip mailbox and a hotline board are installed',
    source: 'computed',
    computedKey: 'mailboxBoard',
    target: 100,
    basis: `${giaVien} III.1: 100% tổ dân phố có hòm thư tố giác tội phạm, có bảng niêm yết đường dây nóng`,
    toCheck: true,
  },
  {
    key: 'newUsers',
    labelVi: 'Số người nghiện, người sử dụng trái phép chất ma túy mới phát sinh trong kỳ',
    labelEn: 'New people with drug addiction or illegal drug use found in the period',
    source: 'entered',
    maxCount: 0,
    basis: `${giaVien} II.3: không để phát sinh người nghiện, người sử dụng trái phép chất ma túy`,
    toCheck: true,
  },
  {
    key: 'underManagement',
    labelVi: 'Số người sử dụng trái phép chất ma túy, người nghiện, người sau cai đang được quản lý tại thôn',
    labelEn: 'People under management for illegal drug use, addiction or after treatment, living in the village',
    source: 'entered',
    basis: `${giaVien} III.5: quản lý chặt chẽ số người nghiện, người sử dụng, người sau cai nghiện`,
    toCheck: true,
  },
  {
    key: 'crimePoints',
    labelVi: 'Số điểm, tụ điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy phát hiện trong kỳ',
    labelEn: 'Places for organising or harbouring illegal drug use found in the period',
    source: 'entered',
    maxCount: 0,
    basis: `${giaVien} III.5: không để hình thành các điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy`,
    toCheck: true,
  },
  {
    key: 'dealers',
    labelVi: 'Số đối tượng mua, bán trái phép chất ma túy phát hiện trong kỳ',
    labelEn: 'People dealing drugs found in the period',
    source: 'entered',
    maxCount: 0,
    basis: `${giaVien} III.5`,
    toCheck: true,
  },
  {
    key: 'drugPlants',
    labelVi: 'Số vụ trồng cây có chứa chất ma túy phát hiện trong kỳ',
    labelEn: 'Cases of growing drug plants found in the period',
    source: 'entered',
    maxCount: 0,
    basis: `${giaVien} III.4: không để xảy ra tình trạng trồng và tái trồng cây có chất ma túy`,
    toCheck: true,
  },
];

/** Writes the default criteria when none exist yet; returns whether it did. */
export async function seedRegistryCriteria(db: Db): Promise<boolean> {
  const existing = await db
    .select({ id: registryCriteria.id })
    .from(registryCriteria)
    .where(isNull(registryCriteria.provinceId))
    .limit(1);
  if (existing.length > 0) return false;
  const list = criteriaListInput.parse(defaultRegistryCriteria);
  await db.insert(registryCriteria).values(list.map((c, i) => ({ ...c, provinceId: null, sortOrder: i })));
  return true;
}
