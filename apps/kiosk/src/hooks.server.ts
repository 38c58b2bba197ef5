import type { Handle } from '@sveltejs/kit';
import { fontPreloadTags } from '@vungxanh/ui/font-preloads';

// Runs at build time only (prerendering and the fallback page; the kiosk has no server of its own).
//
// The fallback page (200.html) draws every screen that is not prerendered, a lesson among them, after the app's
// scripts ran. By then the text's typeface should be here too, or the first paint is drawn in the fallback face and
// moves when Be Vietnam Pro arrives (Lighthouse saw a lesson's first paragraph shift by 0.146). So that page asks for
// the regular and bold faces of both subsets at once, beside the scripts. Prerendered pages paint from their HTML
// before any font could come, so they do not: there the preloads would only compete with the scripts.
export const handle: Handle = ({ event, resolve }) =>
  resolve(event, {
    transformPageChunk: ({ html }) => (event.route.id ? html : html.replace('</head>', `${fontPreloadTags}</head>`)),
  });
