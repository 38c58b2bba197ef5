import type { Messages } from '../resources.ts';

/** English strings of the registry feature (the type mirrors the Vietnamese source). */
export const registryEn = {
  registry: {},
  errors: {},
} satisfies Pick<Messages, 'registry'> & { errors: Partial<Messages['errors']> };
