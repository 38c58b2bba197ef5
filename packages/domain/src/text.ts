/**
 * A comparison key for Vietnamese names: no diacritics (đ → d), lower case, single spaces.
 * "Tổ dân phố  số 5" and "to dan pho so 5" give the same key.
 */
export function nameKey(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Trims and collapses inner whitespace; keeps diacritics and case (for display). */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A key that sorts "Tổ 2" before "Tổ 10": nameKey with every number zero-padded. */
export function naturalSortKey(input: string): string {
  return nameKey(input).replace(/\d+/g, (digits) => digits.padStart(8, '0'));
}

/**
 * Whether a name matches what someone typed: every typed word is found in the name, ignoring
 * diacritics, case and spacing ("xom moi" finds "Xóm Mới"). `key` is the name's `nameKey`.
 */
export function matchesNameQuery(key: string, query: string): boolean {
  return nameKey(query)
    .split(' ')
    .filter(Boolean)
    .every((w) => key.includes(w));
}
