/**
 * How much slower than a quiet developer machine the browser suite may run. A CI machine with 2 shared cores is
 * slower, and one busy with other work slower still: every timeout is multiplied by this factor rather than tuned
 * for one machine. `E2E_TIMEOUT_FACTOR` sets it; otherwise 2 in CI and 1 elsewhere.
 */
function factor(): number {
  const raw = process.env.E2E_TIMEOUT_FACTOR;
  if (raw === undefined || raw === '') return process.env.CI ? 2 : 1;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`E2E_TIMEOUT_FACTOR must be a positive number, not "${raw}"`);
  return value;
}

export const timeoutFactor = factor();

/** A timeout in milliseconds, scaled for the machine the suite runs on. */
export const scaled = (ms: number) => Math.round(ms * timeoutFactor);
