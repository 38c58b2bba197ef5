import DOMPurify from 'dompurify';
import { markdownToHtml } from './markdown-html.ts';

export { splitPages } from './markdown-html.ts';

/**
 * Markdown to HTML that is safe to insert, for text rendered in the browser (the console's preview, contest rules):
 * the safe rendering of `markdown-html.ts`, then DOMPurify as a second guard (no scripts, event handlers, styles,
 * frames or forms; links only to web, mail and phone addresses). Needs a DOM.
 */
export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(markdownToHtml(source), {
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
