import adapter from '@sveltejs/adapter-static';

/**
 * The public kiosk PWA, served by the API at /. The screens that do not depend on who is asking (the home
 * menu, the section pages, the quiz topics) are prerendered, so a cold visit paints them from the HTML before any
 * script runs; every other path gets the single-page app's fallback page, `200.html`.
 */
export default {
  kit: {
    adapter: adapter({ fallback: '200.html', strict: false }),
    paths: { relative: false },
    serviceWorker: { register: false },
  },
};
