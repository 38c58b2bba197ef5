import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // The API (on PORT, as `pnpm dev` starts it) checks that a write comes from the origin it was sent to: keep the
  // browser's Host, which Vite's shorthand would rewrite to the API's, refusing every sign-in.
  server: {
    proxy: { '/api': { target: `http://localhost:${process.env.PORT || 3000}`, changeOrigin: false } },
  },
});
