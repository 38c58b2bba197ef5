import type { Messages } from '../resources.ts';

/** English strings of the coverage feature (the type mirrors the Vietnamese source). */
export const coverageEn = {
  coverage: {},
  errors: {
    invalid_period: 'That reporting period does not exist.',
  },
} satisfies Pick<Messages, 'coverage'> & { errors: Partial<Messages['errors']> };
