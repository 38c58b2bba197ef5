/** Vietnamese strings for applying a release of the shipped lessons and questions. */
export const contentReleaseVi = {
  contentRelease: {
    tab: 'Cập nhật nội dung đi kèm',
    title: 'Cập nhật nội dung đi kèm',
    hint: 'Phiên bản mới của phần mềm có thể kèm bài học và câu hỏi đã sửa. Xem trước những gì sẽ thay đổi rồi bấm áp dụng. Nội dung đã sửa tại địa phương không bị ghi đè.',
    version: 'Phiên bản nội dung: {{version}}',
    lastApplied: 'Lần cập nhật gần nhất: {{date}}',
    neverApplied: 'Chưa áp dụng lần cập nhật nào.',
    upToDate: 'Nội dung đã là bản mới nhất, không có gì cần áp dụng.',
    apply: 'Áp dụng cập nhật',
    confirm:
      'Áp dụng cập nhật nội dung? Bài và câu hỏi chưa sửa tại địa phương sẽ được thay bằng bản mới; nội dung đã sửa được giữ nguyên.',
    applied: 'Đã áp dụng cập nhật nội dung.',
    nothing: 'Không có gì thay đổi.',
    columns: { kind: 'Loại', title: 'Nội dung', action: 'Thay đổi', bank: 'Ngân hàng' },
    kinds: { lesson: 'Bài học', question: 'Câu hỏi' },
    banks: { practice: 'Ôn luyện (công khai)', contest: 'Cuộc thi (không công khai)' },
    actions: {
      add: 'Thêm mới',
      update: 'Cập nhật bản mới',
      unchanged: 'Không đổi',
      keep_edited: 'Đã sửa tại địa phương: giữ nguyên',
      move_to_contest: 'Chuyển sang ngân hàng cuộc thi (gỡ khỏi ôn luyện công khai)',
      move_to_practice: 'Chuyển sang ôn luyện',
      retire: 'Không còn đi kèm: đánh dấu lỗi thời',
    },
  },
};
