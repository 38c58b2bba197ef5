import { describe, expect, it, vi } from 'vitest';
import { summaryText } from './audit-text';

describe('summaryText', () => {
  it('lists the fields of a JSON summary and skips empty ones and internal ids', () => {
    expect(summaryText('{"name":"Thôn Đông","communeId":"c1","population":1200,"boardInstalledOn":null}')).toBe(
      'name: Thôn Đông; population: 1200',
    );
  });

  it('keeps a plain-text summary and shortens a long one', () => {
    expect(summaryText('imported 3 rows')).toBe('imported 3 rows');
    expect(summaryText('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(summaryText(null)).toBe('');
  });
});

describe('audit labels', () => {
  it('shows labels, not codes, for actions, entities and summary fields', async () => {
    const { i18n } = await import('$lib/i18n.svelte');
    const { actionText, entityText } = await import('./audit-text');
    // The console's language state sets <html lang>: a bare element stands in for the page.
    vi.stubGlobal('document', { documentElement: {} });
    await i18n.init();
    expect(actionText('verify')).toBe('Xác minh');
    expect(actionText('publish_results')).toBe('Công bố kết quả');
    expect(entityText('commitment_entry')).toBe('Phiếu cam kết');
    expect(summaryText('{"from":"draft","to":"published"}')).toBe('từ: Bản nháp; sang: Đã đăng');
  });
});
