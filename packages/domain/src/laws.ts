/**
 * The laws content may cite, with their status today. A citation must name one of these ids;
 * an item that cites an `earlier` law must say in its text that the law was replaced.
 */
export const lawStatuses = ['in_force', 'earlier'] as const;
export type LawStatus = (typeof lawStatuses)[number];

export interface Law {
  id: string;
  title: string;
  status: LawStatus;
  /** What the fact sheet says of its status, where that is not plain. */
  note?: string;
}

export const laws = [
  {
    id: 'luat-120-2025',
    title: 'Luật Phòng, chống ma túy số 120/2025/QH15',
    status: 'in_force',
    note: 'hiệu lực từ 01/7/2026',
  },
  {
    id: 'luat-73-2021',
    title: 'Luật Phòng, chống ma túy số 73/2021/QH14',
    status: 'earlier',
    note: 'được thay thế từ 01/7/2026',
  },
  { id: 'blhs-2015', title: 'Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017, 2025)', status: 'in_force' },
  {
    id: 'luat-86-2025',
    title: 'Luật số 86/2025/QH15 sửa đổi, bổ sung một số điều của Bộ luật Hình sự',
    status: 'in_force',
    note: 'hiệu lực từ 01/7/2025',
  },
  {
    id: 'nd-144-2021',
    title: 'Nghị định 144/2021/NĐ-CP',
    status: 'in_force',
    note: 'việc đã bị thay thế hay chưa chưa được xác minh',
  },
  { id: 'nd-371-2025', title: 'Nghị định 371/2025/NĐ-CP', status: 'in_force', note: 'hiệu lực từ 31/12/2025' },
  { id: 'nd-105-2021', title: 'Nghị định 105/2021/NĐ-CP', status: 'earlier', note: 'hướng dẫn Luật 2021' },
  { id: 'nd-116-2021', title: 'Nghị định 116/2021/NĐ-CP', status: 'earlier', note: 'hướng dẫn Luật 2021' },
  { id: 'nd-28-2026', title: 'Nghị định 28/2026/NĐ-CP (danh mục chất ma túy và tiền chất)', status: 'in_force' },
  {
    id: 'nd-57-2022',
    title: 'Nghị định 57/2022/NĐ-CP (danh mục cũ)',
    status: 'earlier',
    note: 'được thay bởi Nghị định 28/2026/NĐ-CP',
  },
  { id: 'nd-90-2024', title: 'Nghị định 90/2024/NĐ-CP', status: 'earlier', note: 'sửa danh mục cũ' },
  { id: 'nd-113-2017', title: 'Nghị định 113/2017/NĐ-CP (hóa chất)', status: 'in_force' },
  { id: 'qd-28-2025-ttg', title: 'Quyết định 28/2025/QĐ-TTg', status: 'in_force' },
  { id: 'qd-93-2001-ttg', title: 'Quyết định 93/2001/QĐ-TTg', status: 'in_force' },
  { id: 'qd-521-2005-ttg', title: 'Quyết định 521/QĐ-TTg năm 2005', status: 'in_force' },
  {
    id: 'qd-152-2026-ttg',
    title: 'Quyết định 152/QĐ-TTg năm 2026 (Kế hoạch triển khai Luật 120/2025/QH15)',
    status: 'in_force',
  },
  { id: 'unga-42-112', title: 'Nghị quyết 42/112 của Đại hội đồng Liên Hợp Quốc (1987)', status: 'in_force' },
  { id: 'nq-173-2024', title: 'Nghị quyết 173/2024/QH15', status: 'in_force' },
  { id: 'luat-xlvphc', title: 'Luật Xử lý vi phạm hành chính', status: 'in_force' },
  {
    id: 'luat-91-2025',
    title: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15',
    status: 'in_force',
    note: 'hiệu lực từ 01/01/2026',
  },
  { id: 'luat-tre-em-2016', title: 'Luật Trẻ em 2016', status: 'in_force' },
  { id: 'kl-132-2025', title: 'Kết luận 132-KL/TW (18/3/2025)', status: 'in_force' },
] as const satisfies readonly Law[];

export type LawId = (typeof laws)[number]['id'];
export const lawIds = laws.map((l) => l.id) as [LawId, ...LawId[]];

export function lawById(id: string): Law | undefined {
  return (laws as readonly Law[]).find((l) => l.id === id);
}
