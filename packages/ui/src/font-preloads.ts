// The faces a screen's text needs first (regular and bold, Vietnamese and Latin subsets: see fonts.css), as the
// URLs the bundler gives the same files that fonts.css points to, for `<link rel="preload">` tags.
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url';
import latin700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff2?url';
import vietnamese400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url';
import vietnamese700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff2?url';

const firstFaces = [vietnamese400, latin400, vietnamese700, latin700];

/** `<link rel="preload">` tags for those faces (fonts are fetched anonymously, hence `crossorigin`). */
export const fontPreloadTags = firstFaces
  .map((href) => `<link rel="preload" as="font" type="font/woff2" href="${href}" crossorigin>`)
  .join('');
