import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  audiences,
  contentLocales,
  contentStatuses,
  questionBankKinds,
  questionTypes,
  topics,
  type Citation,
  type LocalizedQuestion,
} from '@vungxanh/domain';
import { communes } from './communes.ts';
import { createdAt, id, instant, updatedAt } from './columns.ts';
import { contests } from './contests.ts';

/** National content has no commune; `scope` is 'national' or the commune id, so uniqueness holds for both. */
const scopeColumns = () => ({
  communeId: text('commune_id').references(() => communes.id),
  scope: text('scope').notNull(),
});

export const lessons = sqliteTable(
  'lessons',
  {
    id: id(),
    ...scopeColumns(),
    slug: text('slug').notNull(),
    locale: text('locale', { enum: contentLocales }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    topic: text('topic', { enum: topics }).notNull(),
    audience: text('audience', { enum: audiences }).notNull(),
    lawVersion: text('law_version').notNull(),
    legalBasis: text('legal_basis', { mode: 'json' }).$type<Citation[]>().notNull(),
    sources: text('sources', { mode: 'json' }).$type<string[]>().notNull(),
    reviewedOn: text('reviewed_on').notNull(),
    status: text('status', { enum: contentStatuses }).notNull().default('draft'),
    /** Hash of the shipped version last written here (national lessons), so a release can tell local edits apart. */
    shippedHash: text('shipped_hash'),
    /** The law ids cited, space-separated with spaces around, for "every item citing law X". */
    laws: text('laws').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('lessons_scope_slug_uq').on(t.scope, t.slug, t.locale), index('lessons_status_idx').on(t.status)],
);

export const questions = sqliteTable(
  'questions',
  {
    id: id(),
    ...scopeColumns(),
    /** The shipped content's id (e.g. "law-024"), or null for items written in the console. */
    ref: text('ref'),
    /** 'practice' is public (kiosk pack); 'contest' never leaves the server before its release. */
    bank: text('bank', { enum: questionBankKinds }).notNull().default('practice'),
    /** An organizer's own question, seen only by its contest (its scope is then `contest:<id>`). */
    contestId: text('contest_id').references(() => contests.id),
    /** Exclusion group: items that reveal each other's answers; one draw holds one of them. */
    exclusionGroup: text('exclusion_group'),
    /** When a closed round's organizer released this contest question to practice. */
    releasedAt: instant('released_at'),
    /** Hash of the shipped version last written here, so a content release can tell local edits apart. */
    shippedHash: text('shipped_hash'),
    type: text('type', { enum: questionTypes }).notNull(),
    topic: text('topic', { enum: topics }).notNull(),
    difficulty: integer('difficulty').notNull(),
    audience: text('audience', { enum: audiences }).notNull(),
    lawVersion: text('law_version').notNull(),
    legalBasis: text('legal_basis', { mode: 'json' }).$type<Citation[]>().notNull(),
    source: text('source'),
    correct: text('correct', { mode: 'json' }).$type<string[]>().notNull(),
    vi: text('vi', { mode: 'json' }).$type<LocalizedQuestion>().notNull(),
    en: text('en', { mode: 'json' }).$type<LocalizedQuestion>(),
    /** questionKey(vi.text): two questions may not be the same after normalising. */
    textKey: text('text_key').notNull(),
    reviewedOn: text('reviewed_on').notNull(),
    status: text('status', { enum: contentStatuses }).notNull().default('draft'),
    laws: text('laws').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('questions_scope_text_uq').on(t.scope, t.textKey),
    uniqueIndex('questions_ref_uq').on(t.ref),
    index('questions_topic_idx').on(t.topic, t.status),
    index('questions_bank_idx').on(t.bank, t.scope, t.status),
  ],
);

/** Each shipped content release applied (and each start-up bank move), with what it did. */
export const contentReleases = sqliteTable('content_releases', {
  id: id(),
  version: text('version').notNull(),
  appliedAt: instant('applied_at')
    .notNull()
    .$defaultFn(() => new Date()),
  /** The account that applied it; null for the bank moves applied at start-up. */
  accountId: text('account_id'),
  /** The plan's counts per action, as JSON. */
  counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
});

export const hotlines = sqliteTable(
  'hotlines',
  {
    id: id(),
    ...scopeColumns(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    number: text('number').notNull(),
    noteVi: text('note_vi'),
    noteEn: text('note_en'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('hotlines_scope_idx').on(t.scope)],
);

/** Slogans and posters for the kiosk's attract screen. */
export const posters = sqliteTable(
  'posters',
  {
    id: id(),
    ...scopeColumns(),
    textVi: text('text_vi').notNull(),
    textEn: text('text_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('posters_scope_idx').on(t.scope)],
);
