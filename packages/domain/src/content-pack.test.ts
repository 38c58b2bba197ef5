import { describe, expect, it } from 'vitest';
import { packIndexOf } from './content-pack.ts';

describe('packIndexOf', () => {
  it('keeps every lesson without its pages and counts practice questions per topic', () => {
    const index = packIndexOf({
      lessons: [{ id: 'a', slug: 'a', topic: 'harms', pages: ['<h2>Một</h2><p>chữ</p>'] }],
      questions: [{ topic: 'harms' }, { topic: 'law' }, { topic: 'harms' }],
      hotlines: [{ number: '113' }],
      posters: [],
    });
    expect(index.lessons).toEqual([{ id: 'a', slug: 'a', topic: 'harms' }]);
    expect(index.questionTopics).toEqual([
      { topic: 'harms', count: 2 },
      { topic: 'law', count: 1 },
    ]);
    expect(index.hotlines).toEqual([{ number: '113' }]);
  });
});
