import { lawById } from './laws.ts';

/**
 * A citation as a reader says it in Vietnamese: clause, article, then the law's title
 * ("Khoản 1 Điều 5 Luật Phòng, chống ma túy số 73/2021/QH14"). An unknown law id is shown as it is.
 */
export function citationText(c: { law: string; article?: string | null; clause?: string | null }): string {
  const text = [c.clause, c.article, lawById(c.law)?.title ?? c.law].filter((part) => part && part.trim()).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
