import type { lawIds } from './laws.ts';
import type { CampaignKind } from './commitment-units.ts';

/**
 * The commitment texts shipped for each kind, written for this project. They cite only the law
 * as a whole: the fact sheet confirms Luật 120/2025/QH15 and its date in force, not its article
 * numbers. Personal data follows Luật 91/2025/QH15.
 */
export const campaignTemplates: Record<
  CampaignKind,
  { title: string; text: string; legalBasis: (typeof lawIds)[number][] }
> = {
  household: {
    title: 'Cam kết hộ gia đình không ma túy',
    text: [
      'Thực hiện Luật Phòng, chống ma túy số 120/2025/QH15 (có hiệu lực từ ngày 01/7/2026), hộ gia đình chúng tôi cam kết:',
      '1. Không trồng, tàng trữ, mua bán, vận chuyển, sử dụng trái phép chất ma túy; không tổ chức, chứa chấp việc sử dụng trái phép chất ma túy.',
      '2. Giáo dục các thành viên trong gia đình hiểu tác hại của ma túy; quan tâm, quản lý để không ai trong gia đình vi phạm.',
      '3. Báo ngay cho Công an xã, phường khi biết việc trồng, mua bán, sử dụng trái phép chất ma túy ở nơi mình sống.',
      '4. Không kỳ thị người đã cai nghiện; giúp họ hòa nhập với cộng đồng.',
      '5. Cùng thôn, tổ dân phố xây dựng khu dân cư không ma túy.',
    ].join('\n'),
    legalBasis: ['luat-120-2025'],
  },
  organization: {
    title: 'Cam kết cơ quan, doanh nghiệp không ma túy',
    text: [
      'Thực hiện Luật Phòng, chống ma túy số 120/2025/QH15 (có hiệu lực từ ngày 01/7/2026), cơ quan, doanh nghiệp chúng tôi cam kết:',
      '1. Không để xảy ra việc trồng, tàng trữ, mua bán, vận chuyển, sử dụng trái phép chất ma túy tại nơi làm việc.',
      '2. Tuyên truyền cho cán bộ, người lao động về tác hại của ma túy và pháp luật phòng, chống ma túy.',
      '3. Báo ngay cho Công an xã, phường khi phát hiện hành vi vi phạm pháp luật về ma túy.',
      '4. Tạo điều kiện cho người đã cai nghiện có việc làm, hòa nhập cộng đồng.',
    ].join('\n'),
    legalBasis: ['luat-120-2025'],
  },
  school: {
    title: 'Cam kết trường học không ma túy',
    text: [
      'Thực hiện Luật Phòng, chống ma túy số 120/2025/QH15 (có hiệu lực từ ngày 01/7/2026), nhà trường cam kết:',
      '1. Đưa nội dung phòng, chống ma túy vào hoạt động giáo dục của nhà trường.',
      '2. Phối hợp với gia đình và Công an xã, phường để học sinh không vi phạm pháp luật về ma túy.',
      '3. Không để ma túy, ma túy trá hình (như "nước vui", thuốc lá điện tử tẩm ma túy) vào trường.',
      '4. Báo ngay cho Công an xã, phường khi phát hiện hành vi vi phạm pháp luật về ma túy.',
    ].join('\n'),
    legalBasis: ['luat-120-2025'],
  },
  student: {
    title: 'Cam kết của học sinh và gia đình',
    text: [
      'Thực hiện Luật Phòng, chống ma túy số 120/2025/QH15 (có hiệu lực từ ngày 01/7/2026), em và gia đình cam kết:',
      '1. Em không thử, không sử dụng, không mua bán, không cất giữ hộ chất ma túy dưới bất cứ hình thức nào.',
      '2. Em không dùng đồ ăn, đồ uống, thuốc lá điện tử không rõ nguồn gốc do người lạ mời.',
      '3. Em báo cho thầy cô, cha mẹ hoặc Công an khi bị rủ rê hay biết việc vi phạm về ma túy.',
      '4. Cha mẹ (người giám hộ) cùng nhà trường quan tâm, nhắc nhở em thực hiện cam kết này.',
    ].join('\n'),
    legalBasis: ['luat-120-2025'],
  },
  village: {
    title: 'Cam kết thôn, tổ dân phố không ma túy',
    text: [
      'Thực hiện Luật Phòng, chống ma túy số 120/2025/QH15 (có hiệu lực từ ngày 01/7/2026), thôn, tổ dân phố chúng tôi cam kết:',
      '1. Vận động 100% hộ gia đình ký và thực hiện cam kết không ma túy.',
      '2. Duy trì hòm thư tố giác và bảng niêm yết đường dây nóng.',
      '3. Kịp thời báo Công an xã, phường mọi dấu hiệu trồng, mua bán, sử dụng trái phép chất ma túy.',
      '4. Giúp người đã cai nghiện hòa nhập, không kỳ thị.',
    ].join('\n'),
    legalBasis: ['luat-120-2025'],
  },
};
