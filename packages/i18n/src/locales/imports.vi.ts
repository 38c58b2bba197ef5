/**
 * Vietnamese strings of file imports and bulk review: the sentences the API writes for a bad row
 * (`imports.issue`, `imports.expect`), the template's column labels, the console's words, and the
 * error codes under `errors`.
 */
export const importsVi = {
  imports: {
    issue: {
      found: 'Dòng {{row}}, cột “{{column}}”: “{{found}}” chưa đúng. {{expect}}',
      empty: 'Dòng {{row}}, cột “{{column}}” còn trống. {{expect}}',
      exists: 'Dòng {{row}}: phiếu này đã có (đã nhập trước đây), không nhập lại.',
      repeated: 'Dòng {{row}}: giống dòng {{first}} (cùng người ký, đơn vị, ngày ký), không nhập lại.',
    },
    expect: {
      required: 'Hãy điền ô này.',
      text120: 'Hãy nhập tối đa 120 ký tự.',
      text200: 'Hãy nhập tối đa 200 ký tự.',
      date: 'Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 01/04/2026.',
      dateInCampaign: 'Hãy nhập một ngày trong thời gian của đợt cam kết, từ {{opensOn}} đến {{closesOn}}.',
      unit: 'Hãy nhập đúng tên một {{target}} của xã, phường, như trong mục Đơn vị.',
      members: 'Hãy nhập một số từ 1 đến 50.',
      phone: 'Hãy nhập số điện thoại Việt Nam, ví dụ 0912 345 678, hoặc để trống.',
      count: 'Hãy nhập một số nguyên, ví dụ 1.250.',
      villageKind: 'Hãy nhập “Thôn” hoặc “Tổ dân phố”.',
    },
    targets: { village: 'thôn, tổ dân phố', school: 'trường', organization: 'cơ quan, doanh nghiệp' },
    columns: {
      signerName: 'Họ và tên',
      address: 'Địa chỉ (số nhà)',
      members: 'Số nhân khẩu',
      phone: 'Số điện thoại',
      guardianName: 'Họ tên phụ huynh',
      signedOn: 'Ngày ký',
    },
    unitColumns: { village: 'Thôn, tổ dân phố', school: 'Trường', organization: 'Cơ quan, doanh nghiệp' },
    template: 'Tải tệp mẫu (XLSX)',
    templateHelp:
      'Tệp mẫu có sẵn dòng tiêu đề và một dòng ví dụ. Có thể giữ dòng tên danh sách ở trên cùng; ngày ghi dạng 01/04/2026.',
    example: 'Ví dụ, xóa dòng này',
    progress: 'Đang xử lý: {{done}}/{{total}} dòng',
    progressRead: 'Đang đọc tệp…',
    limit: 'Mỗi lần nhập tối đa {{max}} dòng, tệp tối đa 16 MB.',
    existing: '{{count}} dòng đã có từ lần nhập trước, sẽ không nhập lại.',
    onlyProblems: 'Chỉ liệt kê các dòng có lỗi hoặc đã có ({{count}} dòng).',
    allGood: 'Mọi dòng đều hợp lệ.',
  },
  bulkReview: {
    select: 'Chọn phiếu: {{name}}',
    selectPage: 'Chọn cả trang này',
    selected: 'Đã chọn {{count}} phiếu',
    selectAll: 'Chọn tất cả {{total}} phiếu khớp bộ lọc',
    allSelected: 'Đã chọn tất cả {{total}} phiếu khớp bộ lọc',
    clear: 'Bỏ chọn',
    verify: 'Xác nhận các phiếu đã chọn',
    reject: 'Đánh dấu không hợp lệ',
    reason: 'Lý do không hợp lệ',
    confirmVerify: 'Xác nhận {{count}} phiếu?',
    confirmReject: 'Đánh dấu {{count}} phiếu là không hợp lệ?',
    confirmHelp: 'Chỉ các phiếu đang chờ xác nhận được thay đổi; thao tác được ghi vào nhật ký.',
    working: 'Đang cập nhật {{count}} phiếu…',
    result: 'Đã cập nhật {{changed}} phiếu; {{unchanged}} phiếu giữ nguyên (đã được xử lý trước đó).',
    done: 'Đã cập nhật {{count}} phiếu.',
    shortcuts: 'Phím tắt: J/K chuyển dòng, X chọn dòng, A chọn cả trang, V xác nhận, R không hợp lệ, Esc bỏ chọn.',
    confirm: 'Đồng ý',
    cancel: 'Hủy',
  },
  duplicateReview: {
    compare: 'So sánh',
    field: 'Thông tin',
    kept: 'Phiếu giữ lại ({{code}})',
    other: 'Phiếu nghi trùng ({{code}})',
    same: 'Giống nhau',
    differs: 'Khác nhau',
    diacritics: 'Chỉ khác dấu',
    diffHelp: 'Các chữ khác nhau được tô đậm và gạch chân. Hai người khác nhau có thể có tên chỉ khác một dấu.',
    confirmTitle: 'Đánh dấu phiếu {{code}} là trùng?',
    confirmBody:
      'Phiếu {{code}} sẽ không được tính nữa; phiếu {{kept}} được giữ lại. Chỉ làm khi chắc chắn đây là cùng một người ký.',
    confirm: 'Đánh dấu trùng',
    cancel: 'Không, giữ cả hai',
    signedAt: 'Ngày ký',
    channel: 'Cách ký',
  },
  errors: {
    import_too_many_rows:
      'Tệp có {{found}} dòng dữ liệu, quá giới hạn {{max}} dòng cho một lần nhập. Hãy chia thành nhiều tệp nhỏ hơn.',
    import_no_header:
      'Không tìm thấy dòng tiêu đề trong tệp (ví dụ “Họ và tên”, “Thôn, tổ dân phố”, “Ngày ký”). Hãy tải tệp mẫu và giữ nguyên dòng tiêu đề.',
    import_file_too_large: 'Tệp quá lớn: tối đa 16 MB cho một lần nhập. Hãy chia thành nhiều tệp nhỏ hơn.',
    bulk_review_changed:
      'Danh sách đã thay đổi: nay có {{found}} phiếu chờ xác nhận khớp bộ lọc, không phải {{expected}}. Chưa phiếu nào được cập nhật; hãy xem lại rồi làm lại.',
    bulk_review_too_many: 'Mỗi lần chỉ cập nhật được tối đa {{max}} phiếu. Hãy lọc bớt rồi làm lại.',
  },
};
