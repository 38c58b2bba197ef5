import type { Messages } from '../resources.ts';

/** English strings of the commitments feature (the type mirrors the Vietnamese source). */
export const commitmentsEn = {
  commitments: {},
  errors: {},
} satisfies Pick<Messages, 'commitments'> & { errors: Partial<Messages['errors']> };
