import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { lessonSchema, questionSchema, type Lesson, type Question } from '@vungxanh/domain';

/** The folder of the shipped content, found through the package so it works from source and from a bundle. */
export function contentDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@vungxanh/content/package.json'));
}

export interface LoadProblem {
  file: string;
  message: string;
}

/** Splits a Markdown file into its YAML front matter and body. */
export function parseLessonFile(text: string): Record<string, unknown> {
  const match = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
  if (!match) throw new Error('missing front matter');
  const front = parse(match[1]!, { schema: 'core' }) as Record<string, unknown>;
  return { ...front, body: match[2]!.trim() };
}

/** The two shipped question banks and their folders (same file format, disjoint ids). */
export const questionBanks = { practice: 'questions', contest: 'contest-questions' } as const;
export type QuestionBank = keyof typeof questionBanks;

/** Reads and validates the question files of one bank; a problem for each invalid item. */
export function loadQuestionBank(
  bank: QuestionBank,
  dir = contentDir(),
): { questions: Question[]; problems: LoadProblem[] } {
  const folder = questionBanks[bank];
  const problems: LoadProblem[] = [];
  const questions: Question[] = [];
  for (const name of readdirSync(join(dir, folder))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = `${folder}/${name}`;
    let items: unknown[];
    try {
      items = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown[];
    } catch (err) {
      problems.push({ file, message: (err as Error).message });
      continue;
    }
    items.forEach((item, index) => {
      const parsed = questionSchema.safeParse(item);
      const id = (item as { id?: string }).id ?? `#${index}`;
      if (!parsed.success)
        problems.push(
          ...parsed.error.issues.map((i) => ({ file: `${file} ${id}`, message: `${i.path.join('.')}: ${i.message}` })),
        );
      else questions.push(parsed.data);
    });
  }
  return { questions, problems };
}

/**
 * Reads and validates every lesson and both question banks. `questions` is the practice bank
 * (public: the kiosk pack, self-check); `contestQuestions` is the national contest bank, which
 * must never be served to the public. Returns a problem for each invalid item, and for an id in
 * both banks; the content tests fail on any problem.
 */
export function loadContent(dir = contentDir()): {
  lessons: Lesson[];
  questions: Question[];
  contestQuestions: Question[];
  problems: LoadProblem[];
} {
  const problems: LoadProblem[] = [];
  const lessons: Lesson[] = [];
  for (const name of readdirSync(join(dir, 'lessons'))
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const file = `lessons/${name}`;
    try {
      const parsed = lessonSchema.safeParse(parseLessonFile(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success)
        problems.push(...parsed.error.issues.map((i) => ({ file, message: `${i.path.join('.')}: ${i.message}` })));
      else if (`${parsed.data.slug}.${parsed.data.locale}.md` !== name)
        problems.push({ file, message: 'file name must be <slug>.<locale>.md' });
      else lessons.push(parsed.data);
    } catch (err) {
      problems.push({ file, message: (err as Error).message });
    }
  }
  const practice = loadQuestionBank('practice', dir);
  const contest = loadQuestionBank('contest', dir);
  problems.push(...practice.problems, ...contest.problems);
  const practiceIds = new Set(practice.questions.map((q) => q.id));
  for (const q of contest.questions)
    if (practiceIds.has(q.id))
      problems.push({ file: `${questionBanks.contest} ${q.id}`, message: 'the id is also in the practice bank' });
  return { lessons, questions: practice.questions, contestQuestions: contest.questions, problems };
}

export interface ShippedHotline {
  labelVi: string;
  labelEn: string;
  number: string;
  noteVi: string | null;
  noteEn: string | null;
}
export interface ShippedSlogan {
  textVi: string;
  textEn: string;
}

/** National hotlines (from the fact sheet) and attract-screen slogans (from the commune plans). */
export function loadBoard(dir = contentDir()): { hotlines: ShippedHotline[]; slogans: ShippedSlogan[] } {
  const read = <T>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  return { hotlines: read<ShippedHotline[]>('hotlines.json'), slogans: read<ShippedSlogan[]>('slogans.json') };
}
