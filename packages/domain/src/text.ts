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

/** Whether a JSON text may hold a string that is not NFC: only non-ASCII or \u escapes can. */
export function mayNeedNfc(json: string): boolean {
  return /[^\x00-\x7f]|\\u/.test(json);
}

/**
 * Every string inside a value in NFC (precomposed letters, as online signing and the keyboards of
 * most phones give them): "Hu\u0301o\u031b\u0300ng" typed with combining marks is stored as "Hường".
 * Objects and arrays are copied; other values are returned as they are.
 */
export function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(toNfc) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.normalize('NFC')] = toNfc(v);
    return out as T;
  }
  return value;
}

/** A run of characters of one side of a comparison: shared with the other side, or not. */
export interface DiffPart {
  text: string;
  same: boolean;
}

/**
 * What differs between two texts, letter by letter (NFC, so "ư" and "u" differ as whole letters):
 * each side as runs of shared and differing characters, and whether they differ only in
 * diacritics or case ("Hường" / "Hương"), which two different people's names often do.
 */
export function compareTexts(a: string, b: string): { a: DiffPart[]; b: DiffPart[]; diacriticsOnly: boolean } {
  const x = [...a.normalize('NFC')];
  const y = [...b.normalize('NFC')];
  // Longest common subsequence table, from the ends (names and addresses are short).
  const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  const push = (parts: DiffPart[], ch: string, same: boolean) => {
    const last = parts.at(-1);
    if (last && last.same === same) last.text += ch;
    else parts.push({ text: ch, same });
  };
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      push(left, x[i++]!, true);
      push(right, y[j++]!, true);
    } else if (j >= y.length || (i < x.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push(left, x[i++]!, false);
    else push(right, y[j++]!, false);
  }
  return { a: left, b: right, diacriticsOnly: x.join('') !== y.join('') && nameKey(a) === nameKey(b) };
}
