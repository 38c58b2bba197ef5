import { describe, expect, it } from 'vitest';
import { resources } from '@vungxanh/i18n/resources';
import { LocaleState } from '@vungxanh/ui/locale';
import { kioskCore, kioskParts, kioskSections, pickSections } from './messages';

describe('pickSections', () => {
  it('keeps whole sections and nested parts, nothing else', () => {
    const tree = { a: { x: '1' }, b: { v: { k: '2' }, w: '3' }, c: '4' };
    expect(pickSections(tree, ['a', 'b.v', 'missing.part'])).toEqual({ a: { x: '1' }, b: { v: { k: '2' } } });
  });
  it('leaves the console’s words out of the kiosk’s Vietnamese', () => {
    const kiosk = pickSections(resources.vi, kioskSections);
    expect(Object.keys(kiosk).sort()).toEqual([
      'admin',
      'app',
      'commitments',
      'common',
      'contestShare',
      'contests',
      'errors',
      'kiosk',
      'tipBox',
    ]);
    expect(Object.keys(kiosk.admin as object)).toEqual(['validation']);
    expect(JSON.stringify(kiosk).length).toBeLessThan(JSON.stringify(resources.vi).length * 0.7);
  });
  it('sends the contest, commitment and tip-box words only with their screens', () => {
    const core = JSON.stringify(pickSections(resources.vi, kioskCore));
    const all = JSON.stringify(pickSections(resources.vi, kioskSections));
    expect(core.length).toBeLessThan(all.length * 0.6);
    expect(Object.keys(pickSections(resources.vi, kioskCore)).sort()).toEqual([
      'app',
      'common',
      'contests',
      'errors',
      'kiosk',
      'tipBox',
    ]);
    for (const sections of Object.values(kioskParts))
      expect(Object.keys(pickSections(resources.vi, sections)).length).toBe(sections.length);
  });
});

describe('LocaleState with parts', () => {
  const part = (locale: 'vi' | 'en') => pickSections(resources[locale], kioskParts.tipBox);
  const core = (locale: 'vi' | 'en') => pickSections(resources[locale], kioskCore);

  it('shows a part’s words once included, in the language shown and any chosen later', async () => {
    const asked: string[] = [];
    const i18n = new LocaleState('test.parts', {
      vi: async () => (asked.push('core vi'), core('vi')),
      en: async () => (asked.push('core en'), core('en')),
    });
    const tipBox = {
      vi: async () => (asked.push('tipBox vi'), part('vi')),
      en: async () => (asked.push('tipBox en'), part('en')),
    };
    await i18n.init();
    expect(i18n.t('tipBox.tile')).toBe(resources.vi.tipBox.tile); // the tile comes with the app
    expect(i18n.t('tipBox.title')).toBe('tipBox.title');
    await Promise.all([i18n.include(tipBox), i18n.include(tipBox)]);
    expect(i18n.t('tipBox.title')).toBe(resources.vi.tipBox.title);
    expect(i18n.t('tipBox.tile')).toBe(resources.vi.tipBox.tile);
    await i18n.setLocale('en');
    expect(i18n.t('tipBox.title')).toBe(resources.en.tipBox.title);
    expect(i18n.t('kiosk.home')).toBe(resources.en.kiosk.home);
    await i18n.setLocale('vi');
    expect(asked).toEqual(['core vi', 'tipBox vi', 'core en', 'tipBox en']);
  });

  it('tries a part again after it failed to load', async () => {
    const i18n = new LocaleState('test.parts.retry', { vi: async () => core('vi'), en: async () => core('en') });
    let offline = true;
    const tipBox = {
      vi: async () => {
        if (offline) throw new Error('offline');
        return part('vi');
      },
      en: async () => part('en'),
    };
    await i18n.init();
    await expect(i18n.include(tipBox)).rejects.toThrow('offline');
    offline = false;
    await i18n.include(tipBox);
    expect(i18n.t('tipBox.title')).toBe(resources.vi.tipBox.title);
  });
});
