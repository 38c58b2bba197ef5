import { describe, expect, it } from 'vitest';
import { officialHeading, renderPdf } from '../src/lib/pdf.ts';
import { pdfText } from './pdf-text.ts';

describe('renderPdf', () => {
  it('keeps every Vietnamese letter and tone mark', async () => {
    const sentence = 'Người dân ấp Phước Hưng ký cam kết “không ma túy” — Đường, Ỷ, ữ, ặ, ễ.';
    const pdf = await renderPdf({
      content: [
        ...officialHeading({
          authority: 'UBND phường Gia Viên',
          issuer: 'Công an phường',
          place: 'Hải Phòng',
          date: new Date('2026-11-23T18:00:00Z'),
        }),
        sentence,
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain(sentence);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // 18:00 UTC is already the next day in Vietnam.
    expect(text).toContain('ngày 24 tháng 11 năm 2026');
  });
});
