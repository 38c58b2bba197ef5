import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '@vungxanh/ui/markdown-html';
import { isPack, lessonImages, lessonsIn, type PackLesson } from './pack';

const lesson = (slug: string, locale: 'vi' | 'en', body = '') =>
  ({ id: `${slug}.${locale}`, slug, locale, pages: [markdownToHtml(body)] }) as PackLesson;

describe('lessonsIn', () => {
  const lessons = [lesson('a', 'vi'), lesson('a', 'en'), lesson('b', 'vi'), lesson('c', 'en')];

  it('gives one version per lesson, in the reader’s language where it exists', () => {
    expect(lessonsIn(lessons, 'en').map((l) => l.id)).toEqual(['a.en', 'b.vi', 'c.en']);
    expect(lessonsIn(lessons, 'vi').map((l) => l.id)).toEqual(['a.vi', 'b.vi', 'c.en']);
  });
});

describe('lessonImages', () => {
  it('lists the same-origin images lessons show, once each', () => {
    const lessons = [
      lesson('a', 'vi', 'Xem ![Áp phích](/media/poster.png) và ![x](https://other.example/x.png)'),
      lesson('b', 'vi', '![Áp phích]( /media/poster.png ) [not an image](/media/doc.png) ![b](media/b.jpg "tiêu đề")'),
    ];
    expect(lessonImages(lessons, 'https://vx.example')).toEqual([
      'https://vx.example/media/poster.png',
      'https://vx.example/media/b.jpg',
    ]);
  });
});

describe('isPack', () => {
  it('refuses a pack whose lessons carry no rendered pages (stored by an older build)', () => {
    const parts = { version: 'v', questions: [], hotlines: [], posters: [] };
    expect(isPack({ ...parts, lessons: [lesson('a', 'vi', '## A')] })).toBe(true);
    expect(isPack({ ...parts, lessons: [{ id: 'a', slug: 'a', body: '## A' }] })).toBe(false);
  });
});
