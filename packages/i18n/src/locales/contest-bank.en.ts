import type { contestBankVi } from './contest-bank.vi.ts';

/** English strings of the contest bank (the type mirrors the Vietnamese source). */
export const contestBankEn: typeof contestBankVi = {
  errors: {
    contest_round_not_ended: 'The round has not ended: item analysis and release to practice come after it closes.',
    contest_closed_for_questions: 'The contest is closed, so no more questions can be added.',
  },
};
