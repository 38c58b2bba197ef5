import type { Handle } from '@sveltejs/kit';
import { fontPreloadTags } from '@vungxanh/ui/font-preloads';

// Runs at build time only (prerendering and the fallback page; the kiosk has no server of its own).

const stylesheet = /<link href="[^"]+" rel="stylesheet">/g;

/**
 * Stylesheets before the scripts' preloads: SvelteKit writes the preloads first, and a slow phone then spends its
 * first bandwidth on scripts while the page cannot paint until its styles arrive (Lighthouse counted 300 ms of
 * render-blocking time on the commitment page for it).
 */
function stylesFirst(html: string): string {
  const links = html.match(stylesheet);
  const firstPreload = html.indexOf('rel="modulepreload"');
  if (!links || firstPreload < 0) return html;
  const at = html.lastIndexOf('<link', firstPreload);
  const rest = html.slice(at).replace(stylesheet, '');
  return html.slice(0, at) + links.join('') + rest;
}

// The fallback page (200.html) draws every screen that is not prerendered, a lesson among them, after the app's
// scripts ran. By then the text's typeface should be here too, or the first paint is drawn in the fallback face and
// moves when Be Vietnam Pro arrives (Lighthouse saw a lesson's first paragraph shift by 0.146). So that page asks for
// the regular and bold faces of both subsets at once, beside the scripts. Prerendered pages paint from their HTML
// before any font could come, so they do not: there the preloads would only compete with the scripts.
export const handle: Handle = ({ event, resolve }) =>
  resolve(event, {
    transformPageChunk: ({ html }) =>
      stylesFirst(event.route.id ? html : html.replace('</head>', `${fontPreloadTags}</head>`)),
  });
