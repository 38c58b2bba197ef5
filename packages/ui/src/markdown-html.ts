import { Marked, type Tokens } from 'marked';

/**
 * Web, mail and phone addresses, and addresses without a scheme (same site, relative, in-page): the only ones a link
 * or an image may point to. A colon before the first `/`, `?` or `#` names a scheme.
 */
export const allowedUrl = /^(?:(?:https?|mailto|tel):|[^:]*(?:[/?#]|$))/i;

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * Markdown with the few changes that make its HTML safe by construction, so it needs no DOM to sanitize and runs
 * on the server: HTML typed into the text is left out (lessons are Markdown; the words between inline tags stay),
 * links and images to other kinds of address (e.g. `javascript:`) keep only their words, and task-list boxes
 * (form inputs) become a plain mark.
 */
const safe = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html: () => '',
    checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ '),
    link(token: Tokens.Link) {
      if (!allowedUrl.test(token.href.trim())) return this.parser.parseInline(token.tokens);
      return false;
    },
    image(token: Tokens.Image) {
      if (!allowedUrl.test(token.href.trim())) return escapeHtml(token.text);
      return false;
    },
  },
});

/** Markdown to HTML that is safe to insert as it is: no scripts, handlers, styles, frames or forms. */
export function markdownToHtml(source: string): string {
  return safe.parse(source, { async: false });
}

/** Splits a lesson body into pages at its `##` headings, for short pages on the kiosk. */
export function splitPages(source: string): string[] {
  const pages = source.split(/\n(?=## )/).map((p) => p.trim());
  return pages.filter((p) => p !== '');
}

/** A lesson body as the kiosk shows it: one HTML page per `##` section, rendered once where the pack is made. */
export function lessonPages(body: string): string[] {
  return splitPages(body).map(markdownToHtml);
}
