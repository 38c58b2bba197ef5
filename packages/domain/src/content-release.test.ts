import { describe, expect, it } from 'vitest';
import {
  contentHash,
  planContentRelease,
  questionReleaseHash,
  releasePending,
  releaseVersion,
  type ShippedItem,
  type StoredItem,
} from './content-release.ts';

const shipped = (key: string, hash: string, bank: 'practice' | 'contest' = 'practice'): ShippedItem => ({
  kind: 'question',
  key,
  bank,
  hash,
  title: key,
});
const stored = (
  key: string,
  shippedHash: string | null,
  currentHash: string,
  more: Partial<StoredItem> = {},
): StoredItem => ({
  kind: 'question',
  key,
  bank: 'practice',
  shippedHash,
  currentHash,
  status: 'published',
  title: key,
  ...more,
});
const actions = (plan: ReturnType<typeof planContentRelease>) =>
  Object.fromEntries(plan.lines.map((l) => [l.key, l.action]));

describe('planContentRelease', () => {
  it('labels new, unchanged, updated and locally edited items', () => {
    const plan = planContentRelease(
      [shipped('a-001', 'h1'), shipped('a-002', 'h2-new'), shipped('a-003', 'h3-new'), shipped('a-004', 'h4')],
      [stored('a-002', 'h2', 'h2'), stored('a-003', 'h3', 'h3-edited'), stored('a-004', 'h4', 'h4')],
    );
    expect(actions(plan)).toEqual({ 'a-001': 'add', 'a-002': 'update', 'a-003': 'keep_edited', 'a-004': 'unchanged' });
    expect(plan.lines.find((l) => l.key === 'a-003')!.writeContent).toBe(false);
    expect(plan.counts).toMatchObject({ add: 1, update: 1, keep_edited: 1, unchanged: 1, retire: 0 });
  });

  it('moves a practice item now shipped as contest even when edited, writing content only if unedited', () => {
    const plan = planContentRelease(
      [shipped('a-001', 'h1', 'contest'), shipped('a-002', 'h2', 'contest')],
      [stored('a-001', 'h1', 'h1'), stored('a-002', 'h2', 'edited')],
    );
    expect(actions(plan)).toEqual({ 'a-001': 'move_to_contest', 'a-002': 'move_to_contest' });
    expect(plan.lines.map((l) => [l.bank, l.writeContent])).toEqual([
      ['contest', true],
      ['contest', false],
    ]);
  });

  it('keeps a contest question an organizer released to practice where it is', () => {
    const plan = planContentRelease(
      [shipped('a-001', 'h1', 'contest')],
      [stored('a-001', 'h1', 'h1', { releasedLocally: true })],
    );
    expect(plan.lines.map((l) => [l.action, l.bank])).toEqual([['keep_edited', 'practice']]);
  });

  it('moves a contest item back to practice only when not edited locally', () => {
    const plan = planContentRelease(
      [shipped('a-001', 'h1'), shipped('a-002', 'h2')],
      [stored('a-001', 'h1', 'h1', { bank: 'contest' }), stored('a-002', 'h2', 'x', { bank: 'contest' })],
    );
    expect(actions(plan)).toEqual({ 'a-001': 'move_to_practice', 'a-002': 'keep_edited' });
    expect(plan.lines[1]!.bank).toBe('contest');
  });

  it('retires stored shipped items no longer shipped, once, and never items written locally', () => {
    const plan = planContentRelease(
      [],
      [stored('a-001', 'h1', 'h1'), stored('a-002', 'h2', 'h2', { status: 'outdated' }), stored('a-003', null, 'h3')],
    );
    expect(actions(plan)).toEqual({ 'a-001': 'retire' });
  });

  it('takes a row without a shipped hash as shipped only when identical', () => {
    const plan = planContentRelease(
      [shipped('a-001', 'h1'), shipped('a-002', 'h2-new')],
      [stored('a-001', null, 'h1'), stored('a-002', null, 'h2-old')],
    );
    expect(actions(plan)).toEqual({ 'a-001': 'unchanged', 'a-002': 'keep_edited' });
  });

  it('keeps lessons and questions with the same key apart', () => {
    const lesson: ShippedItem = { kind: 'lesson', key: 'a-001', bank: null, hash: 'h1', title: 'L' };
    const plan = planContentRelease([lesson], [stored('a-001', 'h1', 'h1')]);
    expect(plan.lines.map((l) => [l.kind, l.action])).toEqual([
      ['lesson', 'add'],
      ['question', 'retire'],
    ]);
  });

  it('is pending only when applying would change something', () => {
    expect(releasePending(planContentRelease([shipped('a-001', 'h1')], [stored('a-001', 'h1', 'h1')]))).toBe(false);
    expect(releasePending(planContentRelease([shipped('a-001', 'h1')], [stored('a-001', 'h0', 'x')]))).toBe(false);
    expect(releasePending(planContentRelease([shipped('a-001', 'h1')], []))).toBe(true);
  });
});

describe('hashes', () => {
  it('ignore key order and absent optional fields, and change with the content', () => {
    const q = {
      type: 'single',
      topic: 'law',
      difficulty: 1,
      audience: 'all',
      lawVersion: '2021',
      reviewedOn: '2026-01-01',
      legalBasis: [],
      correct: ['a'],
      vi: { text: 'Câu hỏi?', options: { a: 'x', b: 'y' }, explanation: 'Vì thế.' },
    };
    const row = {
      ...q,
      source: null,
      group: null,
      en: null,
      vi: { explanation: 'Vì thế.', options: { b: 'y', a: 'x' }, text: 'Câu hỏi?' },
    };
    expect(questionReleaseHash(row)).toBe(questionReleaseHash(q));
    expect(questionReleaseHash({ ...q, correct: ['b'] })).not.toBe(questionReleaseHash(q));
    expect(contentHash('a')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the release a version that changes with any item', () => {
    const a = [shipped('a-001', 'h1'), shipped('a-002', 'h2')];
    expect(releaseVersion(a)).toBe(releaseVersion([...a].reverse()));
    expect(releaseVersion([shipped('a-001', 'h1'), shipped('a-002', 'h2', 'contest')])).not.toBe(releaseVersion(a));
  });
});
