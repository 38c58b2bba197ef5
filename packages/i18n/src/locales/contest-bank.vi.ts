/** Vietnamese strings of the contest bank: organizers' own questions, item analysis, release. */
export const contestBankVi = {
  errors: {
    contest_round_not_ended:
      'Đợt thi chưa kết thúc: chỉ xem phân tích câu hỏi và mở câu hỏi cho ôn tập sau khi đợt thi đã đóng.',
    contest_closed_for_questions: 'Cuộc thi đã đóng nên không thêm câu hỏi được nữa.',
  },
};
