/** A number input's value for the API: empty becomes null (the field is optional), anything else a number. */
export function countOrNull(value: number | string | null | undefined): number | null {
  return value === null || value === undefined || value === '' ? null : Number(value);
}

/** A date input's value for the API: empty becomes null. */
export function dateOrNull(value: string | null | undefined): string | null {
  return value ? value : null;
}
