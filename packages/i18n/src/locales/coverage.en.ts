import type { Messages } from '../resources.ts';

/** English strings of the coverage feature (the type mirrors the Vietnamese source). */
export const coverageEn = {
  coverage: {},
  errors: {
    activity_photo_unreadable: 'The photo could not be read. Choose a JPEG, PNG or WebP image.',
    activity_photo_limit: 'An activity has at most {{max}} photos.',
    invalid_period: 'That reporting period does not exist.',
  },
} satisfies Pick<Messages, 'coverage'> & { errors: Partial<Messages['errors']> };
