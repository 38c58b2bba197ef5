import adapter from '@sveltejs/adapter-static';

/** The admin console is a single-page app served by the API under /admin. */
export default {
  kit: {
    adapter: adapter({ fallback: 'index.html', strict: false }),
    paths: { base: '/admin', relative: false },
    router: { type: 'pathname' },
    output: { bundleStrategy: 'split' },
  },
};
