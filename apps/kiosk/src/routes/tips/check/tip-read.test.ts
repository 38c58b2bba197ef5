import { describe, expect, it } from 'vitest';
import { openThread } from './tip-read';

describe('openThread', () => {
  it('opens replies, keeps the tipster’s own additions sealed and marks a reply that does not open', async () => {
    const open = async (c: string) => {
      if (c === 'bad') throw new Error('wrong key');
      return `text of ${c}`;
    };
    const entries = await openThread(
      [
        { kind: 'reply', ciphertext: 'a', writtenOn: '2026-03-01' },
        { kind: 'tipster', ciphertext: null, writtenOn: '2026-03-02' },
        { kind: 'reply', ciphertext: 'bad', writtenOn: '2026-03-03' },
      ],
      open,
    );
    expect(entries).toEqual([
      { kind: 'reply', writtenOn: '2026-03-01', text: 'text of a' },
      { kind: 'tipster', writtenOn: '2026-03-02' },
      { kind: 'reply', writtenOn: '2026-03-03', text: null },
    ]);
  });
});
