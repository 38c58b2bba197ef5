import { describe, expect, it } from 'vitest';
import { createI18n, loadLocale, pickLocale } from './index.ts';
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
  it('translate through i18next with interpolation', async () => {
    const t = (await createI18n('en')).t;
    expect(t('common.pageOf', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    const vi = await createI18n();
    expect(vi.t('nav.units')).toBe('Đơn vị hành chính');
    // English is loaded only when asked for, then switching shows it.
    expect(vi.hasResourceBundle('en', 'translation')).toBe(false);
    await loadLocale(vi, 'en');
    await vi.changeLanguage('en');
    expect(vi.t('common.pageOf', { page: 1, pages: 2 })).toBe('Page 1 of 2');
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
