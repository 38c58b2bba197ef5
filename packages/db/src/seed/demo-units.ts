/**
 * Demo administrative units for the two communes of the seed plans (shared/seeds/).
 * Names of Gia Viên's residential groups and its roadmap come from the ward's plan; the thôn
 * Thọ Xuân, Cầu Đen, Hồ Sen and Cẩm Xuân come from Kiến Thụy's plan. Every population, household
 * and student count here is a demo figure, and the other names are placeholders, marked demo.
 */

/** Gia Viên plan, "Lộ trình thực hiện": which residential group is to be recognised by which year. */
export const giaVienRoadmap: Record<number, number[]> = {
  2025: [2, 3, 4, 5, 6, 8, 9, 10, 15, 19, 38, 39, 41, 42, 48, 49, 50, 59, 60, 69, 71, 72],
  2027: [12, 18, 20, 22, 27, 30, 43, 47, 53, 57, 65],
  2030: [13, 14, 16, 23, 28, 31, 36, 45, 51, 54, 64],
  2035: [
    1, 7, 11, 17, 21, 24, 25, 26, 29, 32, 33, 34, 35, 37, 40, 44, 46, 52, 55, 56, 58, 61, 62, 63, 66, 67, 68, 70, 73,
  ],
};

export const kienThuyVillages = [
  'Thọ Xuân',
  'Cầu Đen',
  'Hồ Sen',
  'Cẩm Xuân',
  'Đông Phương',
  'Tây Sơn',
  'Nam Hải',
  'Bắc Hà',
  'Trung Hòa',
  'An Lạc',
  'Phú Thịnh',
  'Tân Lập',
];

export const demoSchools = {
  giaVien: [
    { level: 'preschool', name: 'Trường Mầm non Gia Viên', students: 310 },
    { level: 'primary', name: 'Trường Tiểu học Gia Viên', students: 1120 },
    { level: 'lower_secondary', name: 'Trường THCS Gia Viên', students: 860 },
    { level: 'upper_secondary', name: 'Trường THPT Gia Viên (demo)', students: 1040 },
  ],
  kienThuy: [
    { level: 'preschool', name: 'Trường Mầm non Kiến Thụy', students: 280 },
    { level: 'primary', name: 'Trường Tiểu học Kiến Thụy', students: 760 },
    { level: 'lower_secondary', name: 'Trường THCS Kiến Thụy', students: 590 },
    { level: 'upper_secondary', name: 'Trường THPT Kiến Thụy', students: 920 },
  ],
} as const;

export const demoOrganizations = {
  giaVien: [
    { kind: 'agency', name: 'Công an phường Gia Viên' },
    { kind: 'agency', name: 'Ủy ban nhân dân phường Gia Viên' },
    { kind: 'agency', name: 'Trạm Y tế phường Gia Viên' },
    { kind: 'business', name: 'Ban quản lý chợ Gia Viên (demo)' },
    { kind: 'business', name: 'Công ty TNHH Vận tải Cảng Xanh (demo)' },
  ],
  kienThuy: [
    { kind: 'agency', name: 'Công an xã Kiến Thụy' },
    { kind: 'agency', name: 'Ủy ban nhân dân xã Kiến Thụy' },
    { kind: 'agency', name: 'Trạm Y tế xã Kiến Thụy' },
    { kind: 'business', name: 'Hợp tác xã Nông nghiệp Kiến Thụy (demo)' },
  ],
} as const;

/** A small deterministic generator, so demo figures are the same on every machine. */
export function demoRandom(seed: number) {
  let state = seed >>> 0;
  return (min: number, max: number) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return min + (state % (max - min + 1));
  };
}
