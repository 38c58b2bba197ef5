import { describe, expect, it } from 'vitest';
import { lookupMessage, mergeTrees, messageLoaders, pickLocale, translate } from './index.ts';
import { errorMessage, resources } from './server.ts';

/** Every leaf key of a nested resource, as dotted paths. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe('resources', () => {
  it('have the same keys in Vietnamese and English, none empty', () => {
    expect(keys(resources.en).sort()).toEqual(keys(resources.vi).sort());
    for (const locale of ['vi', 'en'] as const) {
      const empty = keys(resources[locale]).filter(
        (k) =>
          k
            .split('.')
            .reduce<any>((o, p) => o[p], resources[locale])
            .trim() === '',
      );
      expect(empty, locale).toEqual([]);
    }
  });
  it('translate with interpolation, falling back to the next tree and then to the key', async () => {
    const en = await messageLoaders.en();
    const vi = await messageLoaders.vi();
    expect(translate([en, vi], 'common.pageOf', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    expect(translate([vi], 'nav.units')).toBe('Đơn vị hành chính');
    expect(translate([{ a: 'A' }, vi], 'nav.units')).toBe('Đơn vị hành chính');
    expect(translate([vi], 'nav.nothing')).toBe('nav.nothing');
    expect(translate([{ x: 'còn {{count}} câu, {{missing}}' }], 'x', { count: 3 })).toBe('còn 3 câu, {{missing}}');
    expect(lookupMessage(vi, 'nav')).toBeUndefined();
  });
});

describe('mergeTrees', () => {
  it('adds a part of the tree into the section it belongs to, without changing either tree', () => {
    const core = { app: { name: 'Vùng Xanh' }, tipBox: { tile: 'Gửi tin báo' } };
    const part = { tipBox: { title: 'Hộp tin báo', tile: 'Tin báo' }, contests: { open: 'Đang mở' } };
    expect(mergeTrees(core, part)).toEqual({
      app: { name: 'Vùng Xanh' },
      tipBox: { tile: 'Tin báo', title: 'Hộp tin báo' },
      contests: { open: 'Đang mở' },
    });
    expect(core.tipBox).toEqual({ tile: 'Gửi tin báo' });
    expect(Object.keys(part.tipBox)).toEqual(['title', 'tile']);
  });
});

describe('pickLocale', () => {
  it('prefers the highest-weighted supported language and falls back to Vietnamese', () => {
    expect(pickLocale('en-US,en;q=0.9,vi;q=0.8')).toBe('en');
    expect(pickLocale('fr-FR,vi;q=0.5,en;q=0.4')).toBe('vi');
    expect(pickLocale('de')).toBe('vi');
    expect(pickLocale(null)).toBe('vi');
  });
});

describe('errorMessage', () => {
  it('gives the message for a code, and the generic one for an unknown code', () => {
    expect(errorMessage('not_found', 'vi')).toBe('Không tìm thấy dữ liệu yêu cầu.');
    expect(errorMessage('not_found', 'en')).toBe('Not found.');
    expect(errorMessage('no_such_code', 'en')).toBe(resources.en.errors.internal);
  });
});
