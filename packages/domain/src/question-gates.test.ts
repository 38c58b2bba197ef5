import { describe, expect, it } from 'vitest';
import {
  contestEligibility,
  distinctiveTokens,
  drawKeepsGroups,
  gateProblems,
  gateReport,
  gateSummary,
  groupClashes,
  keyBalance,
  keyIsStrictlyLongest,
  longestCorrectShare,
  nearDuplicatesAcross,
  proposeGroups,
  type GateQuestion,
} from './question-gates.ts';

const single = (id: string, options: Record<string, string>, key = 'a', extra: Partial<GateQuestion> = {}) =>
  ({
    id,
    type: 'single',
    correct: [key],
    lawVersion: 'blhs-2015',
    legalBasis: [{ law: 'blhs-2015', article: 'Điều 249' }],
    vi: { text: `Câu hỏi ${id}?`, options },
    ...extra,
  }) satisfies GateQuestion;
const tf = (id: string, key: 't' | 'f', text = `Nhận định ${id}.`): GateQuestion => ({
  id,
  type: 'true_false',
  correct: [key],
  lawVersion: 'general',
  legalBasis: [],
  source: 'WHO',
  vi: { text, options: { t: 'Đúng', f: 'Sai' } },
});
const multiple = (id: string, correct: string[]): GateQuestion => ({
  id,
  type: 'multiple',
  correct,
  lawVersion: 'general',
  legalBasis: [],
  source: 'WHO',
  vi: { text: `Chọn nhiều ${id}`, options: { a: 'Một', b: 'Hai', c: 'Ba', d: 'Bốn', e: 'Năm' } },
});

describe('longest correct option', () => {
  it('counts a key only when it is strictly longer than every other option', () => {
    expect(keyIsStrictlyLongest(single('x', { a: 'Phạt tù', b: 'Phạt', c: 'Tù' }))).toBe(true);
    expect(keyIsStrictlyLongest(single('x', { a: 'Phạt tù', b: 'Cảnh cáo', c: 'Tù' }))).toBe(false);
    // a tie is not "strictly the longest"
    expect(keyIsStrictlyLongest(single('x', { a: 'Phạt', b: 'Tiền', c: 'Tù' }))).toBe(false);
    expect(keyIsStrictlyLongest(tf('t1', 't'))).toBe(false);
  });
  it('reports the share over single-choice items and flags a bank above 35 %', () => {
    const longKey = single('a1', { a: 'Câu trả lời dài nhất', b: 'Ngắn', c: 'Ngắn hơn' });
    const shortKey = (id: string) => single(id, { a: 'Ngắn', b: 'Câu trả lời dài nhất', c: 'Vừa vừa' });
    const bank = [longKey, shortKey('a2'), shortKey('a3'), tf('t1', 't')];
    expect(longestCorrectShare(bank)).toMatchObject({ single: 3, longest: 1, flagged: false, ids: ['a1'] });
    expect(longestCorrectShare([longKey, shortKey('a2')]).flagged).toBe(true);
  });
});

describe('key balance', () => {
  it('flags true/false keys outside 40-60 % true once there are enough of them', () => {
    const keys = (t: number, f: number) => [
      ...Array.from({ length: t }, (_, i) => tf(`t${i}`, 't')),
      ...Array.from({ length: f }, (_, i) => tf(`f${i}`, 'f')),
    ];
    expect(keyBalance(keys(32, 18)).trueFalse).toMatchObject({ total: 50, true: 32, share: 0.64, flagged: true });
    expect(keyBalance(keys(25, 25)).trueFalse.flagged).toBe(false);
    expect(keyBalance(keys(4, 6)).trueFalse.flagged).toBe(false);
    expect(keyBalance(keys(3, 1)).trueFalse.flagged).toBe(false);
  });
  it('flags multiple-choice keys that are nearly all one size or one pattern', () => {
    const same = Array.from({ length: 8 }, (_, i) => multiple(`m${i}`, ['a', 'b', 'c']));
    expect(keyBalance(same).multiple).toMatchObject({ total: 8, sizes: { 3: 8 }, flagged: true });
    const varied = [
      ['a', 'b'],
      ['c', 'e'],
      ['b', 'd', 'e'],
      ['a', 'c', 'd'],
      ['a', 'b', 'c', 'e'],
      ['b', 'd'],
    ].map((c, i) => multiple(`v${i}`, c));
    expect(keyBalance(varied).multiple.flagged).toBe(false);
  });
});

describe('exclusion groups', () => {
  it('a draw holds at most one item of a group', () => {
    const draw = [{ id: 'a', group: 'g-256a' }, { id: 'b', group: 'g-256a' }, { id: 'c', group: 'g-113' }, { id: 'd' }];
    expect(groupClashes(draw)).toEqual([{ group: 'g-256a', ids: ['a', 'b'] }]);
    expect(drawKeepsGroups(draw)).toBe(false);
    expect(drawKeepsGroups(draw.slice(1))).toBe(true);
  });
  it('finds hotline, resolution and article numbers but not bare years or small numbers', () => {
    expect(
      distinctiveTokens(
        'Gọi 0769.04.04.04 hoặc 113; Nghị quyết 42/112 năm 1987, Điều 256a, ngày 26/6, 2 lần, 100 % thôn',
      ),
    ).toEqual(['dieu 256a', '0769.04.04.04', '113', '42/112', '256a', '26/6']);
  });
  it('proposes a group when one stem shows another item’s answer', () => {
    const hotline = single('rep-1', { a: '0769.04.04.04', b: '0243.123.456', c: '1900 1234' });
    const leak = tf('law-1', 'f', 'Đường dây nóng 0769.04.04.04 chỉ nhận cuộc gọi trong giờ hành chính.');
    const unrelated = single('harm-1', { a: 'Gan', b: 'Tim', c: 'Phổi' });
    const proposals = proposeGroups([hotline, leak, unrelated]);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.ids).toEqual(['rep-1', 'law-1']);
    expect(proposals[0]!.reasons[0]).toContain('0769.04.04.04');
    // a distractor that is another item's answer gives nothing away
    const distractor = single('rep-2', { a: '113', b: '0769.04.04.04', c: '115' }, 'a', {
      vi: { text: 'Báo tin về an ninh, trật tự thì gọi số nào?', options: { a: '113', b: '0769.04.04.04', c: '115' } },
    });
    expect(proposeGroups([hotline, distractor])).toEqual([]);
    // once grouped, they are not proposed again
    expect(proposeGroups([{ ...hotline, group: 'c04' }, { ...leak, group: 'c04' }, unrelated])).toEqual([]);
  });
  it('does not take the text a true statement cites for its answer', () => {
    const cites = (id: string, text: string): GateQuestion => ({
      ...tf(id, 't', text),
      lawVersion: 'nd-144-2021',
      legalBasis: [{ law: 'nd-144-2021', article: 'Điều 23' }],
    });
    const a = cites('f-1', 'Theo Nghị định 144/2021/NĐ-CP, người sử dụng trái phép có thể chỉ bị cảnh cáo.');
    const b = cites('f-2', 'Theo Nghị định 144/2021/NĐ-CP, người trồng cây cần sa bị tịch thu tang vật.');
    expect(proposeGroups([a, b])).toEqual([]);
  });
  it('proposes a group for near-identical stems', () => {
    const a = single('c-1', { a: 'Có', b: 'Không', c: 'Tùy' }, 'a', {
      vi: { text: 'Điều 256a Bộ luật Hình sự quy định tội gì?', options: { a: 'X', b: 'Y', c: 'Z' } },
    });
    const b = { ...a, id: 'c-2', vi: { ...a.vi, text: 'Điều 256a của Bộ luật Hình sự quy định tội gì?' } };
    expect(proposeGroups([a, b]).map((p) => p.ids)).toEqual([['c-1', 'c-2']]);
  });
});

describe('near-duplicates across banks', () => {
  it('pairs a contest item with the practice item it nearly repeats', () => {
    const stem = (id: string, text: string) => ({ id, vi: { text, options: {} } });
    const contest = [
      stem('c-1', 'Theo Điều 256a Bộ luật Hình sự, người tái phạm tội sử dụng trái phép bị phạt tù bao lâu?'),
    ];
    const practice = [
      stem('p-1', 'Theo Điều 256a Bộ luật Hình sự, người tái phạm tội sử dụng trái phép bị phạt tù bao lâu vậy?'),
      stem('p-2', 'Ngày Quốc tế phòng, chống ma túy là ngày nào?'),
    ];
    expect(nearDuplicatesAcross(contest, practice)).toEqual([['c-1', 'p-1']]);
  });
});

describe('contest eligibility', () => {
  it('needs an article of a named legal text', () => {
    expect(contestEligibility(single('a', { a: 'X', b: 'Y', c: 'Z' }))).toEqual({ eligible: true, reason: null });
    const noArticle = single('b', { a: 'X', b: 'Y', c: 'Z' }, 'a', {
      lawVersion: 'luat-120-2025',
      legalBasis: [{ law: 'luat-120-2025', article: null }],
    });
    expect(contestEligibility(noArticle).eligible).toBe(false);
    expect(contestEligibility(tf('t', 't')).reason).toBe('cites no legal text');
  });
  it('keeps items resting on local plans in practice', () => {
    const local = {
      ...tf('l', 't'),
      source: 'Kế hoạch phòng, chống ma túy của UBND các xã, phường (thực tiễn địa phương)',
    };
    expect(contestEligibility(local)).toEqual({ eligible: false, reason: 'rests on local plans or practice' });
  });
  it('does not accept a law id that is not on the list', () => {
    const unknown = single('u', { a: 'X', b: 'Y', c: 'Z' }, 'a', {
      legalBasis: [{ law: 'luat-999-2030', article: 'Điều 1' }],
    });
    expect(contestEligibility(unknown).eligible).toBe(false);
  });
});

describe('the gate report', () => {
  it('summarizes a bank and lists what a contest bank must fix', () => {
    const bank = [
      single('a1', { a: 'Câu trả lời dài nhất', b: 'Ngắn', c: 'Ngắn hơn' }),
      single('a2', { a: 'Ngắn', b: 'Dài hơn nhiều', c: 'Vừa' }, 'b'),
      tf('t1', 't', 'Gọi 113 khi thấy tội phạm.'),
      single('a3', { a: '113', b: '114', c: '115' }, 'a'),
    ];
    const report = gateReport(bank);
    expect(report).toMatchObject({ count: 4, eligible: 3, groups: { count: 0 } });
    expect(report.longest.share).toBeCloseTo(2 / 3);
    expect(report.proposals.map((p) => p.ids)).toEqual([['t1', 'a3']]);
    const contest = gateProblems(report, 'contest');
    expect(contest.some((p) => p.includes('strictly the longest'))).toBe(true);
    expect(contest.some((p) => p.startsWith('ungrouped: t1, a3'))).toBe(true);
    expect(contest.some((p) => p.startsWith('t1 cannot be a contest item'))).toBe(true);
    expect(gateProblems(report, 'practice').some((p) => p.includes('cannot be a contest item'))).toBe(false);
    expect(gateSummary('test', report)).toContain('longest-option key 2/3 (66.7 %)');
  });
  it('passes a balanced, grouped, sourced bank', () => {
    const bank = [
      single('a1', { a: 'Ngắn', b: 'Dài hơn nhiều', c: 'Vừa' }),
      single('a2', { a: 'Tù', b: 'Phạt tiền', c: 'Cảnh cáo' }, 'c'),
      { ...single('a3', { a: '113', b: '114', c: '115' }), group: 'g-113' },
      {
        ...tf('t1', 't', 'Gọi 113 khi thấy tội phạm.'),
        legalBasis: [{ law: 'luat-120-2025', article: 'Điều 6' }],
        group: 'g-113',
      },
    ];
    const report = gateReport(bank);
    expect(gateProblems(report, 'contest')).toEqual([]);
    expect(report.groups).toEqual({ count: 1, grouped: 2, largest: 2, drawCapacity: 3 });
  });
});
