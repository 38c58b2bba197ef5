import type { Messages } from '../resources.ts';

/** English strings of the contests feature (the type mirrors the Vietnamese source). */
export const contestsEn = {
  contests: {},
  errors: {},
} satisfies Pick<Messages, 'contests'> & { errors: Partial<Messages['errors']> };
