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

/**
 * Reads and validates every lesson and question. Returns the valid items and a problem for each
 * invalid one; the content tests fail on any problem.
 */
export function loadContent(dir = contentDir()): { lessons: Lesson[]; questions: Question[]; problems: LoadProblem[] } {
  const problems: LoadProblem[] = [];
  const lessons: Lesson[] = [];
  const questions: Question[] = [];
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
  for (const name of readdirSync(join(dir, 'questions'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = `questions/${name}`;
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
  return { lessons, questions, problems };
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
