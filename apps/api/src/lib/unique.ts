import { AppError } from '@vungxanh/domain';
import { isUniqueViolation } from '@vungxanh/db';

/** Runs a write, turning a broken UNIQUE constraint into a 409 with the given code. */
export async function unique<T>(write: () => Promise<T>, code = 'duplicate_name'): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, code);
    throw err;
  }
}
