import { describe, expect, it } from 'vitest';
import {
  attemptDeadline,
  canManageContests,
  contestInputSchema,
  contestPatchSchema,
  countedAttempt,
  drawAttempt,
  initials,
  isImplausiblyFast,
  pastGrace,
  attemptStillOpen,
  purgeDue,
  prizeForPlaces,
  publicName,
  rankRound,
  rankUnits,
  registrationSchema,
  roundInputSchema,
  roundPhase,
  scoreAttempt,
  validAnswer,
  vnLocalToUtc,
  utcToVnLocal,
  type FinishedAttempt,
  type RankInput,
} from './contests.ts';
import { isMinor, normalizePhone } from './contest-policy.ts';

const attempt = (over: Partial<FinishedAttempt> = {}): FinishedAttempt => ({
  id: Math.random().toString(36).slice(2),
  attemptNo: 1,
  score: 10,
  durationMs: 300_000,
  submittedAt: 1_000_000,
  prediction: 100,
  flagged: false,
  ...over,
});
const entry = (id: string, a: Partial<FinishedAttempt>[], status: RankInput['status'] = 'registered'): RankInput => ({
  participantId: id,
  status,
  attempts: a.map((x, i) => attempt({ attemptNo: i + 1, ...x })),
});
const order = (r: ReturnType<typeof rankRound>) => r.ranked.map((e) => e.participantId);

describe('normalizePhone', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['+84-912.345.678', '0912345678'],
    ['(+84) 387654321', '0387654321'],
  ])('%s → %s', (raw, want) => expect(normalizePhone(raw)).toBe(want));
  it.each(['0212345678', '091234567', '09123456789', '+1 912 345 678', 'abc', '0612345678'])('refuses %s', (raw) =>
    expect(normalizePhone(raw)).toBeNull(),
  );
});

describe('minors', () => {
  it('is under 16 in the round’s year', () => {
    expect(isMinor(2011, 2026)).toBe(true);
    expect(isMinor(2010, 2026)).toBe(false);
  });
  it('shows minors by initials, adults in full', () => {
    expect(initials('  nguyễn   văn an ')).toBe('N. V. A.');
    expect(publicName('Trần Thị Bình', 2012, 2026)).toBe('T. T. B.');
    expect(publicName('Trần Thị Bình', 1990, 2026)).toBe('Trần Thị Bình');
  });
  it('asks a guardian’s consent and name for under-16s', () => {
    const base = {
      clientId: '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f',
      fullName: 'Lê Văn Nam',
      phone: '0912345678',
      unitKind: 'school',
      unitId: 'x',
      consent: true,
    };
    const young = new Date().getUTCFullYear() - 12;
    const bad = registrationSchema.safeParse({ ...base, birthYear: young });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['guardianConsent', 'guardianName']);
    expect(
      registrationSchema.safeParse({ ...base, birthYear: young, guardianConsent: true, guardianName: 'Lê Văn Ba' })
        .success,
    ).toBe(true);
    expect(registrationSchema.safeParse({ ...base, birthYear: 1980 }).success).toBe(true);
    expect(registrationSchema.safeParse({ ...base, birthYear: 1980, consent: false }).success).toBe(false);
    expect(registrationSchema.safeParse({ ...base, birthYear: 1980, phone: '12345' }).success).toBe(false);
  });
});

describe('times', () => {
  it('reads start and end in Vietnam time', () => {
    expect(vnLocalToUtc('2026-12-01T08:00').toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(utcToVnLocal(new Date('2026-12-01T18:30:00Z'))).toBe('2026-12-02T01:30');
  });
  it('refuses a round that ends before it starts', () => {
    const r = { name: 'Tuần 1', questionCount: 10, timeLimitSeconds: 600, attemptsAllowed: 1 };
    expect(roundInputSchema.safeParse({ ...r, startsAt: '2026-12-02T08:00', endsAt: '2026-12-01T08:00' }).success).toBe(
      false,
    );
    expect(roundInputSchema.safeParse({ ...r, startsAt: '2026-12-01T08:00', endsAt: '2026-12-08T08:00' }).success).toBe(
      true,
    );
  });
  it('caps the deadline at the round’s end and allows the grace only', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    expect(attemptDeadline(start, 600, new Date('2026-12-02T00:00:00Z')).toISOString()).toBe(
      '2026-12-01T00:10:00.000Z',
    );
    expect(attemptDeadline(start, 600, new Date('2026-12-01T00:05:00Z')).toISOString()).toBe(
      '2026-12-01T00:05:00.000Z',
    );
    const deadline = new Date('2026-12-01T00:10:00Z');
    expect(pastGrace(deadline, new Date(deadline.getTime() + 5_000))).toBe(false);
    expect(pastGrace(deadline, new Date(deadline.getTime() + 6_000))).toBe(true);
    const open = { submittedAt: null, deadlineAt: deadline };
    expect(attemptStillOpen(open, deadline.getTime() + 5_000)).toBe(true);
    expect(attemptStillOpen(open, deadline.getTime() + 6_000)).toBe(false);
    expect(attemptStillOpen({ submittedAt: deadline, deadlineAt: deadline }, deadline.getTime())).toBe(false);
  });
  it('knows the phase of a round', () => {
    const s = new Date('2026-12-01T00:00:00Z');
    const e = new Date('2026-12-08T00:00:00Z');
    expect(roundPhase('published', s, e, new Date('2026-11-30T00:00:00Z'))).toBe('upcoming');
    expect(roundPhase('published', s, e, new Date('2026-12-02T00:00:00Z'))).toBe('open');
    expect(roundPhase('paused', s, e, new Date('2026-12-02T00:00:00Z'))).toBe('paused');
    expect(roundPhase('published', s, e, e)).toBe('ended');
    expect(roundPhase('closed', s, e, new Date('2026-12-02T00:00:00Z'))).toBe('ended');
    expect(roundPhase('draft', s, e, new Date('2026-12-02T00:00:00Z'))).toBe('draft');
  });
  it('flags under 2 seconds a question on average', () => {
    expect(isImplausiblyFast(39_999, 20)).toBe(true);
    expect(isImplausiblyFast(40_000, 20)).toBe(false);
  });
});

describe('draw and score', () => {
  const pool = Array.from({ length: 12 }, (_, i) => ({
    id: `q${i}`,
    type: 'single' as const,
    topic: i % 2 ? 'law' : 'harms',
    difficulty: (i % 3) + 1,
    correct: ['a'],
    vi: { options: { a: 'A', b: 'B', c: 'C' } },
  }));
  it('draws only from the mix, without repeats, each with its options shuffled', () => {
    const drawn = drawAttempt(pool, { topics: ['law'], difficulties: [] }, 5)!;
    expect(drawn).toHaveLength(5);
    expect(new Set(drawn.map((d) => d.id)).size).toBe(5);
    expect(drawn.every((d) => Number(d.id.slice(1)) % 2 === 1)).toBe(true);
    expect(drawn.every((d) => [...d.order].sort().join() === 'a,b,c')).toBe(true);
  });
  it('answers null when the mix has too few questions', () => {
    expect(drawAttempt(pool, { topics: ['law'], difficulties: [1] }, 5)).toBeNull();
  });
  it('scores exact answers and refuses foreign option ids', () => {
    const qs = [
      { id: 'a', order: ['a', 'b', 'c'], correct: ['a'] },
      { id: 'b', order: ['a', 'b', 'c', 'd'], correct: ['b', 'd'] },
      { id: 'c', order: ['t', 'f'], correct: ['f'] },
    ];
    expect(scoreAttempt(qs, { a: ['a'], b: ['d', 'b'], c: ['t'] })).toBe(2);
    expect(scoreAttempt(qs, { b: ['b'] })).toBe(0);
    expect(validAnswer(qs[0]!, false, ['z'])).toBe(false);
    expect(validAnswer(qs[0]!, false, ['a', 'b'])).toBe(false);
    expect(validAnswer(qs[1]!, true, ['a', 'b'])).toBe(true);
    expect(validAnswer(qs[1]!, true, ['a', 'a'])).toBe(false);
    expect(validAnswer(qs[1]!, true, [])).toBe(false);
  });
});

describe('counted attempt', () => {
  const as = [
    attempt({ attemptNo: 1, score: 5 }),
    attempt({ attemptNo: 2, score: 8, durationMs: 500_000 }),
    attempt({ attemptNo: 3, score: 8, durationMs: 400_000 }),
    attempt({ attemptNo: 4, score: 2 }),
  ];
  it('best: highest score, then shorter time', () => expect(countedAttempt(as, 'best')!.attemptNo).toBe(3));
  it('first and last by attempt number', () => {
    expect(countedAttempt(as, 'first')!.attemptNo).toBe(1);
    expect(countedAttempt(as, 'last')!.attemptNo).toBe(4);
  });
  it('none without attempts', () => expect(countedAttempt([], 'best')).toBeNull());
});

describe('rankRound tie-breaks', () => {
  it('higher score first', () => {
    const r = rankRound([entry('a', [{ score: 7 }]), entry('b', [{ score: 9 }])], { rule: 'best', actual: 100 });
    expect(order(r)).toEqual(['b', 'a']);
  });
  it('then the prediction closest to the actual figure, on either side', () => {
    const r = rankRound(
      [
        entry('far', [{ prediction: 150, durationMs: 1 }]),
        entry('under', [{ prediction: 97 }]),
        entry('over', [{ prediction: 104 }]),
        entry('none', [{ prediction: null, durationMs: 1 }]),
      ],
      { rule: 'best', actual: 100 },
    );
    expect(order(r)).toEqual(['under', 'over', 'far', 'none']);
    expect(r.ranked.map((e) => e.predictionGap)).toEqual([3, 4, 50, null]);
  });
  it('then the shorter duration', () => {
    const r = rankRound([entry('slow', [{ durationMs: 400_000 }]), entry('quick', [{ durationMs: 200_000 }])], {
      rule: 'best',
      actual: 100,
    });
    expect(order(r)).toEqual(['quick', 'slow']);
  });
  it('with equal times, the earlier submission', () => {
    const r = rankRound([entry('late', [{ submittedAt: 2_000 }]), entry('early', [{ submittedAt: 1_000 }])], {
      rule: 'best',
      actual: 100,
    });
    expect(order(r)).toEqual(['early', 'late']);
    expect(r.ranked.map((e) => e.place)).toEqual([1, 2]);
  });
  it('shares a place when every tie-break is equal', () => {
    const r = rankRound([entry('x', [{}]), entry('y', [{}]), entry('z', [{ score: 1 }])], {
      rule: 'best',
      actual: 100,
    });
    expect(r.ranked.map((e) => e.place)).toEqual([1, 1, 3]);
  });
  it('ignores the prediction on a provisional board', () => {
    const r = rankRound(
      [
        entry('close', [{ prediction: 100, durationMs: 500_000 }]),
        entry('fast', [{ prediction: 5, durationMs: 100_000 }]),
      ],
      { rule: 'best', actual: null },
    );
    expect(order(r)).toEqual(['fast', 'close']);
    expect(r.ranked.every((e) => e.predictionGap === null)).toBe(true);
  });
  it('uses the counting rule', () => {
    const input = [entry('p', [{ score: 9 }, { score: 3 }]), entry('q', [{ score: 5 }, { score: 6 }])];
    expect(order(rankRound(input, { rule: 'best', actual: 100 }))).toEqual(['p', 'q']);
    expect(order(rankRound(input, { rule: 'last', actual: 100 }))).toEqual(['q', 'p']);
    expect(order(rankRound(input, { rule: 'first', actual: 100 }))).toEqual(['p', 'q']);
  });
  it('leaves out the disqualified and holds flagged attempts until verified', () => {
    const r = rankRound(
      [
        entry('dq', [{ score: 10 }], 'disqualified'),
        entry('fast', [{ flagged: true }]),
        entry('checked', [{ flagged: true, score: 4 }], 'verified'),
        entry('ok', [{ score: 3 }]),
      ],
      { rule: 'best', actual: 100 },
    );
    expect(order(r)).toEqual(['checked', 'ok']);
    expect(r.held.map((h) => h.participantId)).toEqual(['fast']);
  });
});

describe('prizes and units', () => {
  const prizes = [
    { name: 'Nhất', count: 1, points: 10 },
    { name: 'Nhì', count: 2, points: 7 },
  ];
  it('gives prizes by place', () => {
    expect([1, 2, 3, 4].map((p) => prizeForPlaces(prizes, p)?.name ?? null)).toEqual(['Nhất', 'Nhì', 'Nhì', null]);
  });
  it('ranks units by participation rate plus prize points', () => {
    const rows = rankUnits([
      { unitKind: 'village', unitId: 'a', name: 'Thôn A', base: 1000, participants: 100, prizePoints: 0 },
      { unitKind: 'village', unitId: 'b', name: 'Thôn B', base: 200, participants: 10, prizePoints: 10 },
      { unitKind: 'organization', unitId: 'c', name: 'Cơ quan C', base: null, participants: 3, prizePoints: 0 },
    ]);
    expect(rows.map((r) => [r.unitId, r.score, r.place])).toEqual([
      ['b', 15, 1],
      ['a', 10, 2],
      ['c', 0, 3],
    ]);
  });
});

describe('contest input and edit', () => {
  it('fills defaults in a new contest only', () => {
    expect(contestInputSchema.parse({ title: 'Cuộc thi mới' })).toMatchObject({
      scope: 'commune',
      banner: null,
      predictionTarget: 'participants',
    });
  });
  it('changes only the fields an edit sends', () => {
    expect(contestPatchSchema.parse({ rulesMd: ' Thể lệ mới ' })).toEqual({ rulesMd: 'Thể lệ mới' });
    expect(contestPatchSchema.safeParse({ scope: 'world' }).success).toBe(false);
  });
});

describe('who runs contests', () => {
  const a = (role: string, communeId: string | null) => ({ role, communeId, provinceId: 'p1' });
  it('organizers and admins of the commune, and the system', () => {
    const c1 = { communeId: 'c1', provinceId: 'p1' };
    expect(canManageContests(a('organizer', 'c1'), c1)).toBe(true);
    expect(canManageContests(a('commune_admin', 'c1'), c1)).toBe(true);
    expect(canManageContests(a('system', null), c1)).toBe(true);
    expect(canManageContests(a('organizer', 'c2'), c1)).toBe(false);
    expect(canManageContests(a('village_head', 'c1'), c1)).toBe(false);
  });
});

describe('retention', () => {
  it('lets personal fields go twelve months after the last round', () => {
    const end = new Date('2025-06-30T10:00:00Z');
    expect(purgeDue(end, new Date('2026-06-30T09:59:59Z'))).toBe(false);
    expect(purgeDue(end, new Date('2026-06-30T10:00:00Z'))).toBe(true);
  });
});
