/** Vietnamese strings of the coverage feature: the screens' words under `coverage`, its API error codes under `errors`. */
export const coverageVi = {
  coverage: {},
  errors: {
    activity_photo_unreadable: 'Không đọc được ảnh. Hãy chọn ảnh JPEG, PNG hoặc WebP.',
    activity_photo_limit: 'Mỗi hoạt động chỉ có tối đa {{max}} ảnh.',
    invalid_period: 'Kỳ báo cáo không hợp lệ.',
  },
};
