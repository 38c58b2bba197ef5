import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false });

/**
 * Markdown to HTML that is safe to insert: no scripts, event handlers, styles, frames or forms,
 * and links only to web, mail and phone addresses. Runs in the browser (DOMPurify needs a DOM).
 */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'iframe',
      'frame',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'svg',
      'math',
    ],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|\/|#)/i,
  });
}

/** Splits a lesson body into pages at its `##` headings, for short pages on the kiosk. */
export function splitPages(source: string): string[] {
  const pages = source.split(/\n(?=## )/).map((p) => p.trim());
  return pages.filter((p) => p !== '');
}
