/** Vietnamese strings for sharing a contest and moving a registration to a new phone. */
export const contestShareVi = {
  contestShare: {
    title: 'Chia sẻ cuộc thi',
    hint: 'Gửi đường link hoặc mã QR vào nhóm Zalo của thôn, hoặc in áp phích dán ở nhà văn hóa. Người dân mở link trên điện thoại là vào thẳng trang đăng ký.',
    link: 'Đường link ngắn',
    copy: 'Sao chép link',
    copied: 'Đã sao chép link.',
    qrAlt: 'Mã QR mở cuộc thi {{title}}',
    poster: 'Tải áp phích A4 (PDF)',
    draftNote: 'Cuộc thi chưa công bố: link sẽ mở được sau khi công bố.',
    opening: 'Đang mở cuộc thi…',
    recoveryTitle: 'Mã khôi phục của bạn',
    recoveryHint:
      'Hãy chép hoặc in mã này và giữ riêng. Khi đổi hoặc mất điện thoại, nhập số điện thoại và mã này để tiếp tục thi; các lượt đã thi vẫn được tính. Không đưa mã cho người khác.',
    recoveryPrint: 'In mã khôi phục',
    recoveryDone: 'Tôi đã lưu mã',
    recoverTitle: 'Tiếp tục trên thiết bị này',
    recoverHint:
      'Số điện thoại này đã đăng ký. Nếu đó là bạn, nhập mã khôi phục nhận khi đăng ký để chuyển sang thiết bị này. Thiết bị cũ sẽ không thi tiếp được; số lượt thi không thay đổi.',
    recoverPhone: 'Số điện thoại đã đăng ký',
    recoverCode: 'Mã khôi phục (12 ký tự)',
    recoverSubmit: 'Chuyển sang thiết bị này',
    recoverOpen: 'Đã đăng ký trên điện thoại khác? Dùng mã khôi phục',
    unitHint: 'Gõ vài chữ của tên, không cần dấu (ví dụ: thon 1, thcs), rồi chọn trong danh sách.',
    unitNone: 'Không thấy đơn vị nào khớp. Thử gõ ngắn hơn.',
    recovered: 'Đã chuyển sang thiết bị này. Đây là mã khôi phục mới của bạn (mã cũ không dùng được nữa).',
  },
  errors: {
    contest_recovery_failed: 'Số điện thoại hoặc mã khôi phục không đúng.',
  },
};
