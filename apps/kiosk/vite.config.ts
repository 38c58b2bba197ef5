import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig, type Plugin } from 'vite';
// By path, not by package name: Vite bundles relative imports into the config, while a package's TypeScript
// source would be left to Node, which cannot load it.
import { resources } from '../../packages/i18n/src/resources.ts';
import { kioskCore, kioskParts, pickSections, type KioskPart } from './src/lib/messages.ts';

/**
 * `virtual:kiosk-messages/<locale>`: a language's words that come with the kiosk app, without the console's, as a
 * plain module; `virtual:kiosk-messages/<locale>/<part>`: a part of them that some screens include (see messages.ts).
 */
function kioskMessages(): Plugin {
  const prefix = 'virtual:kiosk-messages/';
  return {
    name: 'kiosk-messages',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      const [locale, part] = id.slice(prefix.length + 1).split('/') as [keyof typeof resources, KioskPart?];
      const sections = part ? kioskParts[part] : kioskCore;
      if (!resources[locale] || !sections) throw new Error(`no kiosk messages ${id.slice(1)}`);
      return `export default ${JSON.stringify(pickSections(resources[locale], sections))};`;
    },
  };
}

export default defineConfig({
  plugins: [
    kioskMessages(),
    sveltekit(),
    SvelteKitPWA({
      base: '/',
      scope: '/',
      registerType: 'autoUpdate',
      strategies: 'generateSW',
      kit: { adapterFallback: '200.html', spa: true },
      showMaximumFileSizeToCacheInBytesWarning: true,
      manifest: {
        name: 'Vùng Xanh',
        short_name: 'Vùng Xanh',
        description: 'Bài tuyên truyền, tự kiểm tra kiến thức, đường dây nóng phòng, chống ma túy',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f4faf6',
        theme_color: '#14532d',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,woff2}'],
        // The tip box's encryption (libsodium, about 540 KB, the one file this large) is not put on every phone that
        // opens the kiosk: it is fetched when the tip pages load it, and a tip cannot be sent offline anyway.
        // (The build names the file it leaves out; the offline tests fail if any other file ever grows past this.)
        maximumFileSizeToCacheInBytes: 300 * 1024,
        // The admin console and the API are never served from the kiosk's cache.
        navigateFallbackDenylist: [/^\/admin/, /^\/api/],
        runtimeCaching: [
          {
            // Lesson images: the app stores those a new pack names (content.svelte.ts) and serves them offline.
            urlPattern: ({ request, url, sameOrigin }) =>
              sameOrigin && request.destination === 'image' && !url.pathname.startsWith('/admin'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'kiosk-images', expiration: { maxEntries: 300, maxAgeSeconds: 180 * 86_400 } },
          },
        ],
      },
    }),
  ],
  // The API (on PORT, as `pnpm dev` starts it) checks that a write comes from the origin it was sent to: keep the
  // browser's Host, which Vite's shorthand would rewrite to the API's, refusing every sign-in.
  server: {
    proxy: { '/api': { target: `http://localhost:${process.env.PORT || 3000}`, changeOrigin: false } },
  },
});
