import adapter from '@sveltejs/adapter-static';

/** The public kiosk PWA: a single-page app served by the API at /. */
export default {
  kit: {
    adapter: adapter({ fallback: 'index.html', strict: false }),
    paths: { relative: false },
    serviceWorker: { register: false },
  },
};
